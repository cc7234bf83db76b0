/* Text size and contrast switches.
 * The choice is kept in this browser (localStorage), never sent to the server,
 * so every visitor receives the same, cacheable page. Loaded in <head> so the
 * saved choice applies before the first paint; without JavaScript the switches
 * stay hidden and the browser's own zoom still works. */
(function () {
    "use strict";
    var root = document.documentElement;
    var SIZE_KEY = "portal.textSize";
    var CONTRAST_KEY = "portal.contrast";
    var SIZES = ["normal", "large", "larger"];

    function read(key) {
        try { return window.localStorage.getItem(key); } catch (e) { return null; }
    }
    function write(key, value) {
        try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: works for this page only */ }
    }
    function applySize(size) {
        if (SIZES.indexOf(size) === -1) { size = "normal"; }
        if (size === "normal") { root.removeAttribute("data-text-size"); } else { root.setAttribute("data-text-size", size); }
        return size;
    }
    function applyContrast(on) {
        if (on) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
    }

    root.className = root.className.replace(/\bno-js\b/, "js");
    var size = applySize(read(SIZE_KEY));
    var contrast = read(CONTRAST_KEY) === "high";
    applyContrast(contrast);

    function syncButtons(panel) {
        panel.querySelectorAll("[data-text-size]").forEach(function (button) {
            button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size));
        });
        panel.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
            button.setAttribute("aria-pressed", String(contrast));
        });
    }

    /* Request form: show follow-up questions only when they apply. Without
     * JavaScript they are simply always shown. */
    function setUpReveals() {
        document.querySelectorAll("[data-reveal-when]").forEach(function (box) {
            var rule = box.getAttribute("data-reveal-when").split("=");
            var inputs = document.querySelectorAll('input[name="' + rule[0] + '"]');
            function update() {
                var chosen = document.querySelector('input[name="' + rule[0] + '"]:checked');
                box.hidden = !(chosen && chosen.value === rule[1]);
            }
            inputs.forEach(function (input) { input.addEventListener("change", update); });
            update();
            // The server's first guess (the class) gives way to the answer as it changes.
            box.classList.remove("conditional--closed");
        });
    }

    /* Quick exit: Shift pressed three times within two seconds leaves the page. */
    function setUpQuickExit() {
        var link = document.querySelector("[data-quick-exit] a");
        if (!link) { return; }
        var presses = [];
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Shift" || event.repeat) { return; }
            var now = Date.now();
            presses = presses.filter(function (t) { return now - t < 2000; });
            presses.push(now);
            if (presses.length >= 3) { window.location.replace(link.href); }
        });
    }

    /* One click sends one request: the button is disabled once the form goes. */
    function setUpSubmitOnce() {
        document.querySelectorAll("[data-prevent-double-submit]").forEach(function (button) {
            button.form.addEventListener("submit", function () {
                window.setTimeout(function () { button.disabled = true; }, 0);
            });
        });
        var summary = document.querySelector("[data-error-summary]");
        if (summary) { summary.focus(); }
    }

    document.addEventListener("DOMContentLoaded", function () {
        setUpReveals();
        setUpQuickExit();
        setUpSubmitOnce();
        var panel = document.querySelector("[data-prefs]");
        if (!panel) { return; }
        panel.hidden = false;
        syncButtons(panel);
        panel.addEventListener("click", function (event) {
            var button = event.target.closest("button");
            if (!button) { return; }
            if (button.hasAttribute("data-text-size")) {
                size = applySize(button.getAttribute("data-text-size"));
                write(SIZE_KEY, size);
            } else if (button.hasAttribute("data-contrast-toggle")) {
                contrast = !contrast;
                applyContrast(contrast);
                write(CONTRAST_KEY, contrast ? "high" : "normal");
            }
            syncButtons(panel);
        });
    });
})();
