// Het lichte grafiekelement (grafiekelement.py): tekent een plotly-figuur met de kleinste plotly.js-bundel die
// haar sporen kent, in plaats van Streamlits plotly-element met de volledige plotly.js (issue 30).
//
// Elke bundel wordt één keer per pagina geladen (daarna uit de cache van de browser: de naam draagt de versie).
// Twee bundels zetten allebei window.Plotly; daarom laden ze na elkaar en bewaart elk zijn eigen Plotly.
const geladen = (window.__sociaalBasisPlotly ??= { rij: Promise.resolve(), bundels: {} });

function bundel(bestand) {
  if (!geladen.bundels[bestand]) {
    geladen.bundels[bestand] = geladen.rij = geladen.rij.then(
      () =>
        new Promise((klaar, mis) => {
          const script = document.createElement("script");
          // Relatief aan de pagina, net als de letters en de basiskaart: ook achter /beheer/ goed.
          script.src = new URL("app/static/plotly/" + bestand, document.baseURI).href;
          script.onload = () => {
            const Plotly = window.Plotly;
            delete window.Plotly;
            Plotly ? klaar(Plotly) : mis(new Error(bestand + " gaf geen Plotly"));
          };
          script.onerror = () => mis(new Error(bestand + " kon niet worden geladen"));
          document.head.appendChild(script);
        }),
    );
  }
  return geladen.bundels[bestand];
}

// Wat een klik doorgeeft: genoeg om een gemeente te openen (location) of een punt te herkennen.
function punten(gebeurtenis) {
  return gebeurtenis.points.map((p) => ({
    location: p.location ?? null,
    x: p.x ?? null,
    y: p.y ?? null,
    customdata: p.customdata ?? null,
    curve_number: p.curveNumber,
    point_index: p.pointIndex ?? p.pointNumber ?? null,
  }));
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  // voorladen (grafiekelement.voorladen): alleen de bundel ophalen, terwijl het script van de pagina nog rekent.
  if (data.voorladen) {
    performance.mark("grafiekelement:voorladen"); // voor tools/bench_browser.py en het onderzoek naar wachttijd
    bundel(data.voorladen).catch(() => {}); // een fout meldt de grafiek zelf
    return;
  }
  let div = parentElement.querySelector("div.sb-grafiek");
  if (!div) {
    div = document.createElement("div");
    div.className = "sb-grafiek";
    div.style.width = "100%";
    parentElement.appendChild(div);
  }
  div.setAttribute("role", "img");
  div.setAttribute("aria-label", data.titel);
  delete div.dataset.getekend;
  const figuur = JSON.parse(data.figuur);
  bundel(data.bundel)
    .then((Plotly) => Plotly.react(div, figuur.data, figuur.layout, data.config).then(() => Plotly))
    .then(() => {
      if (data.klik && !div.__sbKlik) {
        div.__sbKlik = true;
        div.on("plotly_click", (e) => setTriggerValue("klik", punten(e)));
      }
      // Een spoor dat de bundel niet kent, tekent plotly stil als punten: zichtbaar maken (de browsertest kijkt).
      const gevraagd = figuur.data.map((t) => t.type || "scatter");
      const getekend = (div._fullData || []).map((t) => t.type);
      div.dataset.sporen = getekend.join(",");
      if (gevraagd.join(",") !== getekend.join(",")) {
        div.dataset.fout = "sporen " + gevraagd.join(",") + " getekend als " + getekend.join(",");
        console.error("grafiekelement:", div.dataset.fout);
      }
      div.dataset.getekend = "1";
    })
    .catch((fout) => {
      div.dataset.fout = String(fout);
      div.textContent =
        "Deze grafiek kon niet worden getekend (" + fout.message + "). De cijfers staan eronder, onder ‘Cijfers achter deze grafiek’.";
    });
}
