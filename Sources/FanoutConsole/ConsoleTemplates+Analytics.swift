extension ConsoleTemplates {
    static let analytics = """
        {{<layout}}
        {{$title}}Analytics · Fanout console{{/title}}
        {{$body}}
        <h1>Analytics</h1>
        <figure>
          <svg id="chart" viewBox="0 0 {{width}} {{height}}" width="100%" role="img" aria-labelledby="chartTitle">
            <title id="chartTitle">Messages and purchases a day, {{from}} to {{to}}</title>
            <line x1="0" y1="{{height}}" x2="{{width}}" y2="{{height}}" class="axis"/>
            {{#series}}<polyline class="series {{kind}}" data-kind="{{kind}}" points="{{points}}"/>{{/series}}
          </svg>
          <figcaption>
            {{from}} – {{to}} (UTC days), highest day {{peak}}.
            <ul class="legend">
            {{#series}}<li><span class="swatch {{kind}}"></span> {{label}}: {{total}} ({{delta}} against the 30 days before){{#gross}}, ${{gross}}{{/gross}}</li>{{/series}}
            </ul>
          </figcaption>
        </figure>
        <h2>Bought mass messages</h2>
        {{^purchased}}<p class="muted">None bought yet.</p>{{/purchased}}
        <ul class="cards" id="purchased">
        {{#purchased}}
          <li data-id="{{id}}"><a href="/console/analytics/mass-messages/{{id}}/buyers">{{text}}</a>
            <span class="muted">{{date}} · ${{price}} · {{purchasedCount}} bought of {{sentCount}}</span></li>
        {{/purchased}}
        </ul>
        {{/body}}
        {{/layout}}
        """

    static let buyers = """
        {{<layout}}
        {{$title}}Buyers · Fanout console{{/title}}
        {{$body}}
        <h1>Who bought “{{text}}”</h1>
        <p><a href="/console/analytics">Back to analytics</a></p>
        {{^buyers}}<p class="muted">Nobody yet.</p>{{/buyers}}
        <ul class="cards" id="buyers">
        {{#buyers}}<li data-fan="{{id}}"><a href="/console/chats/{{id}}">{{name}}</a> <span class="muted">@{{username}}</span></li>{{/buyers}}
        </ul>
        {{#next}}<p><a href="{{next}}" rel="next">More</a></p>{{/next}}
        {{/body}}
        {{/layout}}
        """
}
