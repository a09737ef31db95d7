extension ConsoleTemplates {
    static let massMessages = """
        {{<layout}}
        {{$title}}Mass messages · Fanout console{{/title}}
        {{$body}}
        <h1>Mass messages</h1>
        <p><a href="/console/mass-messages/new">Compose</a></p>
        <nav class="filters" aria-label="Kinds">
        {{#tabs}}<a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a>{{/tabs}}
        </nav>
        {{^items}}<p>None.</p>{{/items}}
        <ul class="cards" id="massMessages">
        {{#items}}
          <li data-id="{{id}}" data-state="{{state}}">
            <p class="text">{{text}}</p>
            <p class="muted">{{state}} · {{date}}{{#price}} · ${{price}}{{/price}} · {{media}} media</p>
            <p>Recipients {{total}} · delivered <span data-sent>{{sentCount}}</span> · viewed {{viewedCount}} · bought {{purchasedCount}}</p>
            <progress max="{{total}}" value="{{delivered}}" data-progress="/console/mass-messages/{{id}}/progress" data-done="{{isDone}}"
              aria-label="Fan-out of mass message {{id}}">{{delivered}} of {{total}}</progress>
            <span class="progress-text" data-progress-text>{{delivered}} of {{total}}{{#isDone}} · done{{/isDone}}</span>
            {{#editable}}<a href="/console/mass-messages/{{id}}/edit">Edit</a>{{/editable}}
            {{#withdrawable}}
            <form method="post" action="/console/mass-messages/{{id}}/unsend" class="inline">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <button type="submit">{{withdrawLabel}}</button>
            </form>
            {{/withdrawable}}
          </li>
        {{/items}}
        </ul>
        {{#next}}<p><a href="{{next}}" rel="next">More</a></p>{{/next}}
        {{/body}}
        {{/layout}}
        """

    static let compose = """
        {{<layout}}
        {{$title}}{{heading}} · Fanout console{{/title}}
        {{$body}}
        <h1>{{heading}}</h1>
        <form method="post" action="{{action}}" class="stack" id="compose">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="text">Text</label>
          <textarea id="text" name="text" rows="3">{{text}}</textarea>
          {{#errors.text}}<p class="error field" role="alert" id="textError">{{errors.text}}</p>{{/errors.text}}
          <label for="price">Price in dollars (empty: free)</label>
          <input id="price" name="price" inputmode="decimal" value="{{price}}">
          {{#errors.price}}<p class="error field" role="alert" id="priceError">{{errors.price}}</p>{{/errors.price}}
          <label><input type="checkbox" name="lockedText" value="1"{{#lockedText}} checked{{/lockedText}}> Lock the text until bought</label>
          <fieldset><legend>Vault media</legend>
          {{#media}}<label class="option"><input type="checkbox" name="media" value="{{id}}"{{#checked}} checked{{/checked}}> {{kind}} {{id}}</label>{{/media}}
          {{^media}}<p class="muted">The vault is empty.</p>{{/media}}
          </fieldset>
          <label for="previews">How many of them are free previews</label>
          <input id="previews" name="previews" inputmode="numeric" value="{{previews}}">
          {{#errors.media}}<p class="error field" role="alert" id="mediaError">{{errors.media}}</p>{{/errors.media}}
          <fieldset><legend>To (none checked: every active subscriber)</legend>
          {{#lists}}<label class="option"><input type="checkbox" name="list" value="{{id}}"{{#checked}} checked{{/checked}}> {{name}} ({{count}})</label>{{/lists}}
          </fieldset>
          <fieldset><legend>Except</legend>
          {{#excluded}}<label class="option"><input type="checkbox" name="exclude" value="{{id}}"{{#checked}} checked{{/checked}}> {{name}} ({{count}})</label>{{/excluded}}
          </fieldset>
          {{#errors.lists}}<p class="error field" role="alert" id="listsError">{{errors.lists}}</p>{{/errors.lists}}
          <label for="scheduledDate">Send at (UTC; empty: now)</label>
          <input id="scheduledDate" name="scheduledDate" type="datetime-local" value="{{scheduledDate}}">
          {{#errors.schedule}}<p class="error field" role="alert" id="scheduledDateError">{{errors.schedule}}</p>{{/errors.schedule}}
          <button type="submit">{{submit}}</button>
        </form>
        {{/body}}
        {{/layout}}
        """
}
