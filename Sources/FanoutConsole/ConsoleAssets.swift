/// The console's stylesheet and script, served from the binary. The script
/// only enhances: every page works without it.
enum ConsoleAssets {
    static let css = """
        :root { color-scheme: light dark; --accent: #0a6cff; --muted: #777; --line: #8884; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, sans-serif; }
        header { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 600; text-decoration: none; }
        header .who { margin-left: auto; }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
        .scroll { overflow-x: auto; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .muted { color: var(--muted); }
        .error { color: #c62828; font-weight: 600; }
        .stack { display: grid; gap: .4rem; max-width: 32rem; }
        .inline { display: inline; }
        input, textarea, button { font: inherit; padding: .4rem .6rem; }
        button { cursor: pointer; }
        button.link { background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0; }
        ul.cards, ul.chats, ol.messages { list-style: none; padding: 0; }
        ul.cards li, ul.chats li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
        ul.chats a { display: grid; grid-template-columns: 1fr auto; gap: .1rem .5rem; text-decoration: none; color: inherit; }
        .preview { grid-column: 1 / -1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
        .badge { display: inline-block; font-size: .8rem; padding: 0 .45rem; border-radius: 1rem; background: var(--accent); color: #fff; }
        .badge.tip { background: #2e7d32; } .badge.locked { background: #8e24aa; } .badge.muted { background: var(--muted); }
        .filters { display: flex; gap: 1rem; margin-bottom: .5rem; } .filters [aria-current] { font-weight: 600; }
        ol.messages li { max-width: 80%; margin: .5rem 0; padding: .4rem .7rem; border-radius: .6rem; border: 1px solid var(--line); }
        ol.messages li.creator { margin-left: auto; background: #0a6cff22; }
        .meta { font-size: .8rem; color: var(--muted); } .text { margin: .2rem 0; white-space: pre-wrap; }
        .media { display: flex; flex-wrap: wrap; gap: .4rem; }
        .thumb { margin: 0; width: 6rem; } .thumb img, .thumb span { display: grid; place-items: center; width: 6rem; height: 6rem; object-fit: cover; background: var(--line); border-radius: .3rem; }
        .thumb figcaption { font-size: .7rem; color: var(--muted); }
        .compose { display: grid; gap: 1.5rem; margin-top: 1rem; }
        @media (min-width: 48rem) { .compose { grid-template-columns: 1fr 1fr; } }
        #chart { max-width: 100%; border: 1px solid var(--line); } #chart .axis { stroke: var(--muted); }
        #chart .series { fill: none; stroke-width: 2; }
        .group_messages { stroke: #0a6cff; background: #0a6cff; } .group_messages_purchases { stroke: #8e24aa; background: #8e24aa; }
        .direct_messages { stroke: #2e7d32; background: #2e7d32; } .direct_messages_purchases { stroke: #ef6c00; background: #ef6c00; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: .2rem; }
        .legend { list-style: none; padding: 0; } .option { display: block; }
        table { border-collapse: collapse; } td, th { padding: .2rem .5rem; border-bottom: 1px solid var(--line); text-align: left; }
        """

    /// Keeps a chat scrolled to its newest message; moves the progress bars
    /// of fan-outs under way (polling their progress until done).
    static let js = """
        document.addEventListener("DOMContentLoaded", () => {
          const messages = document.getElementById("messages");
          if (messages && messages.lastElementChild) messages.lastElementChild.scrollIntoView({ block: "end" });
          for (const bar of document.querySelectorAll("progress[data-progress]")) {
            if (bar.dataset.done === "true") continue;
            const text = bar.parentElement.querySelector("[data-progress-text]");
            const sent = bar.parentElement.querySelector("[data-sent]");
            const poll = async () => {
              const response = await fetch(bar.dataset.progress, { headers: { Accept: "application/json" } });
              if (!response.ok) return;
              const progress = await response.json();
              bar.max = Math.max(progress.total, 1);
              bar.value = progress.total - progress.pending;
              bar.textContent = `${bar.value} of ${progress.total}`;
              if (text) text.textContent = `${bar.value} of ${progress.total}` + (progress.isDone ? " · done" : "");
              if (sent && progress.sentCount !== undefined) sent.textContent = progress.sentCount;
              bar.dataset.done = String(progress.isDone);
              if (!progress.isDone) setTimeout(poll, 500);
            };
            poll();
          }
        });
        """
}
