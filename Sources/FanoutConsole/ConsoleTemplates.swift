/// The console's pages as Mustache templates, compiled into the binary
/// (nothing is read from disk or the internet at run time). `{{x}}`
/// escapes HTML; every page inherits `layout`.
enum ConsoleTemplates {
    static let all: [String: String] = [
        "layout": layout, "problem": problem, "signIn": signIn, "connections": connections, "chats": chats, "chat": chat,
        "massMessages": massMessages, "compose": compose, "sandbox": sandbox,
        "analytics": analytics, "buyers": buyers,
    ]

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}Fanout console{{/title}}</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/console/assets/console.css">
        <script src="/console/assets/console.js" defer></script>
        </head>
        <body>
        <header>
          <a class="brand" href="/console">Fanout console</a>
          {{#nav}}
          <nav aria-label="Sections">
            <a href="/console/chats"{{#chats}} aria-current="page"{{/chats}}>Chats</a>
            <a href="/console/mass-messages"{{#massMessages}} aria-current="page"{{/massMessages}}>Mass messages</a>
            <a href="/console/analytics"{{#analytics}} aria-current="page"{{/analytics}}>Analytics</a>
            <a href="/console/sandbox"{{#sandbox}} aria-current="page"{{/sandbox}}>Sandbox</a>
          </nav>
          <span class="who">{{creatorName}}</span>
          <a href="/console/connections">Switch creator</a>
          {{/nav}}
          {{#csrf}}
          <form method="post" action="/console/sign-out" class="inline">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit">Sign out</button>
          </form>
          {{/csrf}}
        </header>
        <main>
        {{#error}}<p class="error" role="alert" id="error">{{error}}</p>{{/error}}
        {{$body}}{{/body}}
        </main>
        </body>
        </html>
        """

    /// An error with no page of its own to show it on.
    static let problem = """
        {{<layout}}
        {{$title}}{{status}} · Fanout console{{/title}}
        {{$body}}<p><a href="/console">Back to the console</a></p>{{/body}}
        {{/layout}}
        """

    static let signIn = """
        {{<layout}}
        {{$title}}Sign in · Fanout console{{/title}}
        {{$body}}
        <h1>Sign in</h1>
        <p>With your organization's API key (<code>fanout demo</code> prints one). The key is checked and not kept: the
        browser holds a session cookie only.</p>
        <form method="post" action="/console/sign-in" class="stack">
          <label for="apiKey">API key</label>
          <input id="apiKey" name="apiKey" type="password" autocomplete="off" required autofocus>
          <button type="submit">Sign in</button>
        </form>
        {{/body}}
        {{/layout}}
        """

    static let connections = """
        {{<layout}}
        {{$title}}Choose a creator · Fanout console{{/title}}
        {{$body}}
        <h1>Choose a creator</h1>
        {{^connections}}<p>This organization has no connections yet (<code>fanout connections create</code>).</p>{{/connections}}
        <ul class="cards">
        {{#connections}}
          <li>
            <form method="post" action="/console/connections">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <input type="hidden" name="connectionId" value="{{id}}">
              <button type="submit" class="link">{{creatorName}}</button>
              <span class="muted">{{id}} · {{permissions}}</span>
            </form>
          </li>
        {{/connections}}
        </ul>
        {{/body}}
        {{/layout}}
        """

    static let chats = """
        {{<layout}}
        {{$title}}Chats · Fanout console{{/title}}
        {{$body}}
        <h1>Chats</h1>
        <nav class="filters" aria-label="Filters">
        {{#filters}}<a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a>{{/filters}}
        </nav>
        {{^chats}}<p>No chats.</p>{{/chats}}
        <ul class="chats" id="chats">
        {{#chats}}
          <li data-fan="{{fanId}}">
            <a href="/console/chats/{{fanId}}">
              <span class="line"><strong>{{name}}</strong> <span class="muted">@{{username}}</span>
              {{#unread}}<span class="badge" title="unread messages" data-unread="{{unread}}">{{unread}}</span>{{/unread}}
              {{#unreadTips}}<span class="badge tip">new tip</span>{{/unreadTips}}
              {{^subscribed}}<span class="badge muted">not subscribed</span>{{/subscribed}}</span>
              <time class="muted">{{time}}</time>
              <span class="preview">{{preview}}</span>
            </a>
          </li>
        {{/chats}}
        </ul>
        {{#next}}<p><a href="{{next}}" rel="next">More chats</a></p>{{/next}}
        {{/body}}
        {{/layout}}
        """

    static let chat = """
        {{<layout}}
        {{$title}}{{name}} · Fanout console{{/title}}
        {{$body}}
        <h1>{{name}} <span class="muted">@{{username}}</span></h1>
        {{#fan}}
        <aside class="fan-panel" aria-label="About the fan">
          <p>Spent in total: <strong id="fanSpent">${{spent}}</strong>{{#nickname}} · nickname <strong id="fanNickname">{{nickname}}</strong>{{/nickname}}</p>
          {{#notice}}<p class="notice" id="fanNotice">{{notice}}</p>{{/notice}}
          {{#canEdit}}
          <details{{#error}} open{{/error}}>
            <summary>Edit note and nickname</summary>
            <form method="post" action="/console/chats/{{fanId}}/details" class="stack" aria-label="Note and nickname">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <label for="nicknameInput">Nickname</label>
              <input id="nicknameInput" name="displayName" maxlength="100" value="{{nicknameValue}}">
              <label for="noticeInput">Note</label>
              <textarea id="noticeInput" name="notice" maxlength="1000" rows="2">{{noticeValue}}</textarea>
              {{#error}}<p class="error field" role="alert" id="fanDetailError">{{error}}</p>{{/error}}
              <button type="submit">Save</button>
            </form>
          </details>
          {{/canEdit}}
        </aside>
        {{/fan}}
        {{#older}}<p><a href="{{older}}" rel="prev">Older messages</a></p>{{/older}}
        <ol class="messages" id="messages">
        {{#messages}}
          <li class="{{side}}" data-id="{{id}}">
            <div class="meta"><span>{{from}}</span> <time>{{time}}</time>
              {{#price}}<span class="badge {{#locked}}locked{{/locked}}" title="price">${{price}}{{#locked}} · locked{{/locked}}{{#bought}} · bought{{/bought}}</span>{{/price}}
              {{#tip}}<span class="badge tip">tip ${{tip}}</span>{{/tip}}
              {{#queued}}<span class="badge muted">mass message</span>{{/queued}}
            </div>
            <p class="text">{{text}}</p>
            {{#hasMedia}}<div class="media">
              {{#media}}<figure class="thumb {{kind}}">{{#local}}<img src="{{url}}" alt="{{kind}} {{id}}" loading="lazy">{{/local}}{{^local}}<span>{{kind}}</span>{{/local}}<figcaption>{{#preview}}preview · {{/preview}}{{width}}×{{height}}</figcaption></figure>{{/media}}
            </div>{{/hasMedia}}
          </li>
        {{/messages}}
        </ol>
        <section class="compose">
          <form method="post" action="/console/chats/{{fanId}}/messages" class="stack" aria-label="Send as the creator">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="creatorText">Send as {{creatorName}}</label>
            <textarea id="creatorText" name="text" rows="2" required></textarea>
            {{#sendError}}<p class="error field" role="alert" id="creatorTextError">{{sendError}}</p>{{/sendError}}
            <button type="submit">Send</button>
          </form>
          <form method="post" action="/console/chats/{{fanId}}/fan-messages" class="stack fan" aria-label="Reply as the fan">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="fanText">Reply as {{name}} (sandbox)</label>
            <textarea id="fanText" name="text" rows="2"></textarea>
            <label for="fanTip">Tip in dollars (optional)</label>
            <input id="fanTip" name="tip" inputmode="decimal" placeholder="5.00">
            {{#fanError}}<p class="error field" role="alert" id="fanTextError">{{fanError}}</p>{{/fanError}}
            <button type="submit">Send as the fan</button>
          </form>
        </section>
        {{/body}}
        {{/layout}}
        """
}
