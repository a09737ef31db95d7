extension ConsoleTemplates {
    static let sandbox = """
        {{<layout}}
        {{$title}}Sandbox · Fanout console{{/title}}
        {{$body}}
        <h1>Sandbox</h1>
        <section>
          <h2>Clock</h2>
          <p>Now: <time id="clock" datetime="{{nowISO}}">{{now}}</time> UTC. Scheduled mass messages and webhook retries follow it.</p>
          <form method="post" action="/console/sandbox/clock" class="stack">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="minutes">Move it forward by minutes</label>
            <input id="minutes" name="minutes" inputmode="numeric" value="60" required>
            {{#clockError}}<p class="error field" role="alert" id="minutesError">{{clockError}}</p>{{/clockError}}
            <button type="submit">Advance the clock</button>
          </form>
        </section>
        <section>
          <h2>Simulated fans</h2>
          <form method="post" action="/console/sandbox/simulation" class="stack">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="simulateMinutes">Simulate minutes of fan activity (replies, opens, purchases, tips)</label>
            <input id="simulateMinutes" name="simulateMinutes" inputmode="numeric" value="30" required>
            {{#simulateError}}<p class="error field" role="alert" id="simulateMinutesError">{{simulateError}}</p>{{/simulateError}}
            <button type="submit">Simulate</button>
          </form>
          {{#simulation}}
          <p id="simulation">
            <progress max="{{minutes}}" value="{{minute}}" data-progress="/console/sandbox/simulation" data-done="{{done}}"
              aria-label="Simulation">{{minute}} of {{minutes}}</progress>
            <span data-progress-text>{{minute}} of {{minutes}} minutes{{#done}} · done{{/done}}</span>
            <span class="muted">{{tally}}</span>
          </p>
          {{/simulation}}
        </section>
        <section>
          <h2>Webhook deliveries</h2>
          {{^endpoints}}<p class="muted">No webhook endpoints (<code>POST /webhooks</code>).</p>{{/endpoints}}
          {{#endpoints}}
          <h3>{{url}}{{#disabled}} <span class="badge muted">disabled</span>{{/disabled}}</h3>
          {{^hasDeliveries}}<p class="muted">Nothing sent yet.</p>{{/hasDeliveries}}
          {{#hasDeliveries}}
          <div class="scroll"><table>
            <tr><th>event</th><th>type</th><th>attempts</th><th>last status</th><th>state</th><th>next attempt</th></tr>
            {{#deliveries}}<tr><td><code>{{eventID}}</code></td><td>{{type}}</td><td>{{attempts}}</td><td>{{lastStatus}}</td><td>{{state}}</td><td>{{next}}</td></tr>{{/deliveries}}
          </table></div>
          {{/hasDeliveries}}
          {{/endpoints}}
        </section>
        {{/body}}
        {{/layout}}
        """
}
