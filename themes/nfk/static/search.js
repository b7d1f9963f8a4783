// The site search on /sok/ (progressive enhancement): with JavaScript, the query in ?q= (and
// the sector in ?sektor=) is searched in Pagefind's index and the hits are listed as links, with
// their count in a polite live region; without it, the page lists every partner.
const self = document.querySelector("script[data-pagefind]");
const form = document.querySelector(".search-form");
const status = document.getElementById("sok-status");
const list = document.getElementById("sok-treff");
const all = document.getElementById("sok-alle");

function say(count) {
  const text = count === 0 ? self.dataset.none : count === 1 ? self.dataset.one : self.dataset.many;
  status.textContent = text.replace("{n}", String(count));
}

async function run(pagefind, query, sector) {
  list.replaceChildren();
  if (!query && !sector) {
    status.textContent = "";
    all.hidden = false;
    return;
  }
  all.hidden = true;
  const filters = sector ? { bransje: sector } : {};
  const search = await pagefind.search(query || null, { filters });
  const hits = await Promise.all(search.results.map((r) => r.data()));
  for (const hit of hits) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = hit.url;
    link.textContent = hit.meta.title || hit.url;
    item.append(link);
    if (hit.meta.malstatus) {
      const meta = document.createElement("span");
      meta.className = "count";
      meta.textContent = ` (${hit.meta.malstatus})`;
      item.append(meta);
    }
    list.append(item);
  }
  say(hits.length);
}

async function start() {
  const pagefind = await import(self.dataset.pagefind);
  await pagefind.options({ baseUrl: self.dataset.base });
  const params = new URLSearchParams(location.search);
  const query = params.get("q") || "";
  const sector = params.get("sektor") || "";
  form.elements.q.value = query;
  form.elements.sektor.value = sector;
  await run(pagefind, query, sector);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    const s = form.elements.sektor.value;
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (s) next.set("sektor", s);
    history.replaceState(null, "", next.toString() ? `?${next}` : location.pathname);
    run(pagefind, q, s);
  });
}

start().catch(() => {
  all.hidden = false;
});
