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
    glue(span);
  }

  // A browser may break a line on either side of a rendered formula, as around an image, which
  // would part CeAg$_2$Ge$_2$ after "Ge". So the formula and the text it touches on either side
  // (up to a space) go into one span that does not wrap, as they are one word in the raw text.
  // Its style is set through the DOM, which the policy allows, not by a style attribute.
  function glue(span) {
    var before = span.previousSibling;
    var word;
    if (before && before.nodeType === Node.ELEMENT_NODE && before.classList.contains("math-word")) {
      word = before; // the formula before this one and the text between them
    } else {
      var head = before && before.nodeType === Node.TEXT_NODE ? before.data.match(/\S+$/) : null;
      var next = span.nextSibling;
      if (!head && !(next && next.nodeType === Node.TEXT_NODE && /^\S/.test(next.data))) return;
      word = document.createElement("span");
      word.className = "math-word";
      word.style.whiteSpace = "nowrap";
      span.parentNode.insertBefore(word, span);
      if (head) {
        before.data = before.data.slice(0, -head[0].length);
        word.appendChild(document.createTextNode(head[0]));
      }
    }
    word.appendChild(span);
    var after = word.nextSibling;
    var tail = after && after.nodeType === Node.TEXT_NODE ? after.data.match(/^\S+/) : null;
    if (tail) {
      after.data = after.data.slice(tail[0].length);
      if (after.data === "") after.remove(); // so the next formula finds this word beside it
      word.appendChild(document.createTextNode(tail[0]));
    }
  }

  var katex = document.createElement("script");
  katex.src = script.dataset.katex;
  katex.onload = function () {
    Array.prototype.forEach.call(spans, render);
  };
  document.head.appendChild(katex);
})();
