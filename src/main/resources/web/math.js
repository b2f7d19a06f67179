// Renders the math of a Lectern page with KaTeX. The server puts each formula it found in the
// stored LaTeX into <span class="math">, as written with its delimiters ($...$, $$...$$, \(...\)),
// so a page reads without JavaScript and this script never guesses where math is (an escaped \$
// is a dollar sign). KaTeX is loaded only on pages that have math.
//
// Output is MathML, which the browser typesets itself: KaTeX's HTML output would need its
// stylesheet and fonts, and its error markup uses a style attribute that the page's
// Content-Security-Policy (style-src 'self', no inline styles) rightly blocks. A formula KaTeX
// cannot parse stays as its raw text: it is rendered into a detached element first, and the span
// is only changed when that worked.
(function () {
  "use strict";
  var spans = document.querySelectorAll("span.math");
  var script = document.currentScript;
  if (spans.length === 0 || !script || !script.dataset.katex) return;

  function delimited(tex) {
    if (tex.length >= 4 && tex.slice(0, 2) === "$$" && tex.slice(-2) === "$$")
      return { tex: tex.slice(2, -2), display: true };
    if (tex.length >= 4 && tex.slice(0, 2) === "\\(" && tex.slice(-2) === "\\)")
      return { tex: tex.slice(2, -2), display: false };
    if (tex.length >= 2 && tex[0] === "$" && tex[tex.length - 1] === "$")
      return { tex: tex.slice(1, -1), display: false };
    return null;
  }

  function render(span) {
    var math = delimited(span.textContent);
    if (math === null) return;
    var rendered = document.createElement("span");
    try {
      window.katex.render(math.tex, rendered, {
        output: "mathml",
        displayMode: math.display,
        throwOnError: true, // caught below: the raw text stays
        strict: "ignore", // arXiv's LaTeX is loose; no console warnings for it
        trust: false,
        maxExpand: 1000,
      });
    } catch (e) {
      span.classList.add("math-raw");
      return;
    }
    span.replaceChildren.apply(span, Array.prototype.slice.call(rendered.childNodes));
    span.classList.add("math-rendered");
  }

  var katex = document.createElement("script");
  katex.src = script.dataset.katex;
  katex.onload = function () {
    Array.prototype.forEach.call(spans, render);
  };
  document.head.appendChild(katex);
})();
