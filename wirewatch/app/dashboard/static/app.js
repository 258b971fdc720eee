// wirewatch dashboard: the live alert and dispatch stream.
// Feed text only ever reaches the page through textContent: no innerHTML anywhere.
"use strict";

(function () {
  const MAX_ROWS = 50;
  const alertsBody = document.getElementById("alerts");
  const latestList = document.getElementById("latest");
  const status = document.getElementById("live-status");
  const notice = document.getElementById("stream-notice");

  function text(tag, value, className) {
    const node = document.createElement(tag);
    node.textContent = value == null ? "" : String(value);
    if (className) node.className = className;
    return node;
  }

  // Segments are [text, mark] pairs computed by the server; mark names a CSS class.
  function segments(parent, items) {
    for (const [value, mark] of items || []) {
      if (mark) {
        const m = text("mark", value, "m-" + String(mark).replace(/[^a-z]/g, ""));
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(String(value)));
      }
    }
    return parent;
  }

  function dispatchLink(id, child) {
    const a = document.createElement("a");
    a.href = "/dispatch/" + encodeURIComponent(String(id));
    a.appendChild(child);
    return a;
  }

  function trim(container) {
    while (container.children.length > MAX_ROWS) container.removeChild(container.lastElementChild);
  }

  function plural(n, word, words) {
    return n + " " + (n === 1 ? word : words || word + "s");
  }

  // An alert grouped by story: "3 dispatches · 2 sources", linking to the story's page (as pages.alert_story).
  function reach(alert) {
    const hits = Number(alert.hits) || 1;
    let label = null;
    if (alert.group_by === "story" || hits > 1) {
      const sources = (alert.sources || []).length || 1;
      label = plural(hits, "dispatch", "dispatches") + " · " + plural(sources, "source");
    }
    if (!alert.story_id) return label ? text("div", label, "reach meta") : null;
    const div = text("div", "", "reach meta");
    const a = text("a", label || "story");
    a.href = "/stories/" + encodeURIComponent(String(alert.story_id));
    div.appendChild(a);
    return div;
  }

  function addAlert(alert) {
    if (!alertsBody) return;
    const key = String(alert.key || "");
    const hits = Number(alert.hits) || 1;
    for (const row of alertsBody.children) {
      if (row.dataset.key !== key) continue;
      // The same alert again: shown grown when a story's later dispatch grew it (never shrunk).
      if (hits <= (Number(row.dataset.hits) || 1)) return;
      row.dataset.hits = String(hits);
      const old = row.querySelector(".reach");
      const grown = reach(alert);
      if (old && grown) old.replaceWith(grown);
      else if (grown && row.children[2]) row.children[2].appendChild(grown);
      return;
    }
    const row = document.createElement("tr");
    row.dataset.key = key;
    row.dataset.hits = String(hits);
    row.className = "fresh";
    row.appendChild(text("td", String(alert.at || "").slice(0, 19).replace("T", " "), "at"));
    row.appendChild(text("td", alert.rule && alert.rule.name));
    const cell = document.createElement("td");
    const title = document.createTextNode(String(alert.title || "(untitled)"));
    if (alert.search) {
      // A counted rule's alert (frequency, spike, ...): the search that lists the dispatches behind it.
      const a = document.createElement("a");
      a.href = "/search?q=" + encodeURIComponent(String(alert.search));
      a.appendChild(title);
      cell.appendChild(a);
    } else {
      cell.appendChild(dispatchLink(alert.dispatch_id, title));
    }
    const covers = reach(alert);
    if (covers) cell.appendChild(covers);
    row.appendChild(cell);
    row.appendChild(text("td", (alert.countries || []).join(" "), "codes"));
    alertsBody.insertBefore(row, alertsBody.firstChild);
    trim(alertsBody);
  }

  function addDispatch(d) {
    if (!latestList) return;
    const id = String(d.id || "");
    for (const item of latestList.children) if (item.dataset.id === id) return;
    const li = document.createElement("li");
    li.className = "dispatch fresh";
    li.dataset.id = id;
    const title = document.createElement("div");
    title.className = "title";
    title.appendChild(dispatchLink(id, segments(document.createElement("span"), d.title_segments)));
    li.appendChild(title);
    const meta = text("div", String(d.source || "") + " · " + String(d.published || "").slice(0, 16).replace("T", " "), "meta");
    meta.appendChild(text("span", (d.countries || []).map((c) => c.code).join(" "), "codes"));
    li.appendChild(meta);
    li.appendChild(segments(text("p", "", "excerpt"), d.excerpt_segments));
    latestList.insertBefore(li, latestList.firstChild);
    trim(latestList);
  }

  function parse(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }

  if (!status || typeof EventSource === "undefined") return;
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => { status.textContent = "live"; status.className = "live-status on"; });
  source.addEventListener("error", () => { status.textContent = "reconnecting"; status.className = "live-status off"; });
  source.addEventListener("alert", (e) => { const a = parse(e); if (a) addAlert(a); });
  source.addEventListener("dispatch", (e) => { const d = parse(e); if (d) addDispatch(d); });
  source.addEventListener("lagged", (e) => {
    const info = parse(e) || {};
    if (notice) {
      notice.textContent = "The live view fell behind and skipped " + Number(info.dropped || 0) + " event(s); reload to catch up.";
      notice.hidden = false;
    }
  });
})();
