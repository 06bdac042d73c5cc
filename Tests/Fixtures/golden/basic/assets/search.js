// Blackout's search page (/search/): Pagefind's index, queried in the browser.
// The page works without this script: it then shows links to the lists instead. The query,
// the ticked filters and the order live in the address (?q=…&country=…&order=…), so a search
// can be bookmarked and shared, and survives the reloads of `blackout serve`.

const app = document.getElementById("search-app");
const fallback = document.getElementById("search-fallback");
const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const facetsBox = document.getElementById("search-facets");
const countLine = document.getElementById("search-count");
const list = document.getElementById("search-list");
const moreButton = document.getElementById("search-more");
const staleLine = document.getElementById("search-stale");

// Filter names as the incident template marks them, with their headings, in the page's order.
const FACETS = [
  ["country", "Country"], ["cause", "Cause"], ["scope", "Scope"], ["impact", "Impact"],
  ["year", "Year"], ["status", "Status"], ["tag", "Tags"],
];
const PAGE = 20;
// A facet with more values than this starts folded.
const OPEN_LIMIT = 12;

let pagefind = null;
let totals = {}; // every value's count over the whole index
let results = [];
let shown = 0;
let latest = 0;
const checkboxes = new Map(); // "facet\u0000value" -> {box, count}

async function start() {
  const bundle = new URL(app.dataset.bundle || "../pagefind/", document.baseURI);
  try {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    // Result URLs are site paths; under a sub-path (base_url …/archive/) they need its prefix.
    await pagefind.options({ baseUrl: new URL("../", bundle).pathname });
    await pagefind.init();
  } catch (error) {
    const note = document.createElement("p");
    note.textContent = document.documentElement.dataset.blackoutSearch === "stale"
      ? "The search index is being built: this page reloads when it is ready."
      : "The search index could not be loaded (" + error.message + ").";
    fallback.prepend(note);
    return;
  }
  totals = await pagefind.filters();
  buildFacets(totals);
  readAddress();
  fallback.hidden = true;
  app.hidden = false;
  revealTicked();
  if (document.documentElement.dataset.blackoutSearch === "stale") {
    staleLine.textContent = "The search index is being rebuilt after your latest edit: results may not show it yet. "
      + "This page reloads when the index is ready.";
    staleLine.hidden = false;
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("change", (event) => { if (event.target !== input) run(); });
  facetsBox.addEventListener("change", run);
  moreButton.addEventListener("click", () => showMore(true));
  run();
}

function valueOrder(facet) {
  if (facet === "year") return (a, b) => Number(b) - Number(a);
  return (a, b) => a.localeCompare(b);
}

function buildFacets(all) {
  for (const [facet, heading] of FACETS) {
    const values = Object.keys(all[facet] || {}).sort(valueOrder(facet));
    if (values.length === 0) continue;
    const details = document.createElement("details");
    details.className = "facet";
    // On a narrow screen the filters come before the results: folded, they stay out of the way.
    details.open = values.length <= OPEN_LIMIT && matchMedia("(min-width: 48rem)").matches;
    const summary = document.createElement("summary");
    summary.textContent = heading;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = heading;
    fieldset.append(legend);
    const items = document.createElement("ul");
    items.className = "facet-values";
    for (const value of values) {
      const item = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = facet;
      box.value = value;
      const count = document.createElement("span");
      count.className = "facet-count";
      count.textContent = all[facet][value];
      const name = document.createElement("span");
      name.append(value, " ", count);
      label.append(box, name);
      item.append(label);
      items.append(item);
      checkboxes.set(facet + "\u0000" + value, { box, count });
    }
    fieldset.append(items);
    details.append(summary, fieldset);
    facetsBox.append(details);
  }
}

function ticked() {
  const filters = {};
  for (const [key, { box }] of checkboxes) {
    if (!box.checked) continue;
    const facet = key.slice(0, key.indexOf("\u0000"));
    (filters[facet] ||= { any: [] }).any.push(box.value);
  }
  return filters;
}

function order() {
  return form.querySelector("input[name=order]:checked")?.value === "relevance" ? "relevance" : "newest";
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (params.get("order") === "relevance") form.querySelector("input[value=relevance]").checked = true;
  for (const [facet] of FACETS) {
    for (const value of params.getAll(facet)) {
      const entry = checkboxes.get(facet + "\u0000" + value);
      if (entry) {
        entry.box.checked = true;
        entry.box.closest("details").open = true;
      }
    }
  }
}

// A value ticked in the address may sit below the fold of its filter's scrolling list.
function revealTicked() {
  for (const { box } of checkboxes.values()) {
    if (!box.checked) continue;
    const item = box.closest("li");
    const list = item.parentElement;
    if (item.offsetTop - list.offsetTop >= list.scrollTop + list.clientHeight) list.scrollTop = item.offsetTop - list.offsetTop;
  }
}

function writeAddress(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [facet, { any }] of Object.entries(filters)) for (const value of any) params.append(facet, value);
  if (order() === "relevance") params.set("order", "relevance");
  const text = params.toString();
  const address = location.pathname + (text ? "?" + text : "");
  history.replaceState(null, "", address);
}

async function run() {
  const query = input.value.trim();
  const filters = ticked();
  writeAddress(query, filters);
  const mine = ++latest;
  const newest = order() === "newest" || query === "";
  // A null query lists every incident the filters allow.
  const term = query === "" ? null : query;
  const search = await pagefind.search(term, newest ? { filters, sort: { start: "desc" } } : { filters });
  // Values of one facet add up (a country or another), facets narrow each other: a facet's
  // counts come from the search without its own ticks, so they say what ticking a value adds.
  const counts = { ...(search?.filters || {}) };
  await Promise.all(Object.keys(filters).map(async (facet) => {
    const others = { ...filters };
    delete others[facet];
    if (term === null && Object.keys(others).length === 0) {
      counts[facet] = totals[facet] || {};
    } else {
      counts[facet] = (await pagefind.search(term, { filters: others }))?.filters?.[facet] || {};
    }
  }));
  if (mine !== latest || search === null) return; // a newer search superseded this one
  results = search.results;
  for (const [key, { box, count }] of checkboxes) {
    const facet = key.slice(0, key.indexOf("\u0000"));
    const n = (counts[facet] || {})[box.value] || 0;
    count.textContent = n;
    box.closest("li").classList.toggle("facet-empty", n === 0 && !box.checked);
  }
  list.replaceChildren();
  shown = 0;
  const noun = results.length === 1 ? "incident" : "incidents";
  countLine.textContent = results.length === 0 ? "No incident matches." : results.length.toLocaleString("en") + " " + noun
    + (newest ? ", newest first." : ", best match first.");
  await showMore(false, mine);
}

async function showMore(focusFirst, mine = latest) {
  const slice = results.slice(shown, shown + PAGE);
  const data = await Promise.all(slice.map((result) => result.data()));
  if (mine !== latest) return;
  let first = null;
  for (const entry of data) {
    const item = renderResult(entry);
    first ||= item.querySelector("a");
    list.append(item);
  }
  shown += slice.length;
  moreButton.hidden = shown >= results.length;
  moreButton.textContent = "Show " + Math.min(PAGE, results.length - shown) + " more";
  if (focusFirst && first) first.focus();
}

function renderResult(entry) {
  const meta = entry.meta || {};
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = entry.url;
  link.textContent = meta.title || entry.url;
  heading.append(link);
  const facts = document.createElement("p");
  facts.className = "search-facts";
  const time = document.createElement("time");
  if (meta.datetime) time.dateTime = meta.datetime;
  time.textContent = meta.date || "";
  facts.append(time);
  for (const part of [meta.place, meta.cause]) if (part) facts.append(" · " + part);
  item.append(heading, facts);
  if (meta.summary) {
    const summary = document.createElement("p");
    summary.className = "search-summary";
    summary.textContent = meta.summary;
    item.append(summary);
  }
  return item;
}

start();
