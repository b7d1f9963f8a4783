// The summit presentation (/toppmote/): one slide at a time, moved with the keyboard.
// → / Page Down / Space: next; ← / Page Up: previous; Home / End: first / last; f: full screen.
// The URL fragment follows the current slide (so a slide can be linked and reloaded), and each
// change is announced in a polite live region. No dependencies; without it the slides simply
// follow each other (summit.css).
(function () {
  "use strict";
  var deck = document.querySelector("[data-deck]");
  if (!deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll("section.slide[id]"));
  if (!slides.length) return;
  var status = deck.querySelector("[data-deck-status]");
  var label = deck.getAttribute("data-slide-label") || "";
  var current = -1;
  document.documentElement.classList.add("deck-js");
  var hint = deck.querySelector("[data-deck-hint]");
  if (hint) hint.hidden = false;

  function indexOf(hash) {
    var id = decodeURIComponent((hash || "").replace(/^#/, ""));
    if (!id) return -1;
    for (var i = 0; i < slides.length; i++) {
      if (slides[i].id === id || slides[i].contains(document.getElementById(id))) return i;
    }
    return -1;
  }

  function heading(slide) {
    var h = slide.querySelector("h1, h2");
    return h ? h.textContent.trim() : slide.id;
  }

  function show(i, announce) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    if (i === current) return;
    var before = slides[current];
    var hadFocus = before && before.contains(document.activeElement);
    if (before) before.classList.remove("is-current");
    current = i;
    var slide = slides[i];
    slide.classList.add("is-current");
    if (location.hash !== "#" + slide.id) history.replaceState(null, "", "#" + slide.id);
    if (hadFocus) {
      // Focus must not stay in a hidden slide.
      slide.setAttribute("tabindex", "-1");
      slide.focus({ preventScroll: true });
    }
    if (announce && status) {
      status.textContent = label + " " + (i + 1) + " / " + slides.length + ": " + heading(slide);
    }
  }

  function fullscreen() {
    var root = document.documentElement;
    if (document.fullscreenElement) {
      if (document.exitFullscreen) document.exitFullscreen();
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () {});
    }
  }

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    var target = e.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var inTable = target && target.closest && target.closest(".table-scroll");
    var step = null;
    switch (e.key) {
      case "ArrowRight": case "PageDown": step = inTable && e.key === "ArrowRight" ? null : 1; break;
      case " ": case "Spacebar":
        // Space on a control presses it (a link, a <summary>).
        step = (tag === "A" || tag === "BUTTON" || tag === "SUMMARY") ? null : (e.shiftKey ? -1 : 1);
        break;
      case "ArrowLeft": case "PageUp": step = inTable && e.key === "ArrowLeft" ? null : -1; break;
      case "Home": show(0, true); e.preventDefault(); return;
      case "End": show(slides.length - 1, true); e.preventDefault(); return;
      case "f": case "F": fullscreen(); e.preventDefault(); return;
    }
    if (step !== null) {
      e.preventDefault();
      show(current + step, true);
    }
  });

  window.addEventListener("hashchange", function () {
    var i = indexOf(location.hash);
    if (i >= 0) show(i, true);
  });

  var start = indexOf(location.hash);
  show(start < 0 ? 0 : start, false);
})();
