/* Small progressive enhancements; the pages work fully without them. */
(function () {
    "use strict";

    function readerTimeZone() {
        try {
            return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
        } catch (error) {
            return "";
        }
    }

    function sameDay(a, b, timeZone) {
        var format = new Intl.DateTimeFormat("en-CA", {
            timeZone: timeZone, year: "numeric", month: "2-digit", day: "2-digit"
        });
        return format.format(a) === format.format(b);
    }

    // An event's times are printed in the venue's zone; add the reader's own time when it differs.
    function showLocalTimes() {
        var zone = readerTimeZone();
        if (!zone || !window.Intl) {
            return;
        }
        var language = document.documentElement.lang || undefined;
        var nodes = document.querySelectorAll("[data-local-time]");
        Array.prototype.forEach.call(nodes, function (node) {
            if (node.getAttribute("data-event-zone") === zone) {
                return;
            }
            var start = new Date(node.getAttribute("data-start"));
            var endValue = node.getAttribute("data-end");
            var end = endValue ? new Date(endValue) : null;
            if (isNaN(start.getTime())) {
                return;
            }
            var full = new Intl.DateTimeFormat(language, {
                timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric",
                hour: "2-digit", minute: "2-digit"
            });
            var timeOnly = new Intl.DateTimeFormat(language, {
                timeZone: zone, hour: "2-digit", minute: "2-digit", timeZoneName: "short"
            });
            var text = full.format(start);
            if (end && !isNaN(end.getTime())) {
                text += " – " + (sameDay(start, end, zone) ? timeOnly.format(end) : full.format(end));
            }
            if (timeOnly.format(start).indexOf(zone) === -1) {
                text += " (" + zone + ")";
            }
            node.textContent = (node.getAttribute("data-label") || "") + " " + text;
            node.hidden = false;
        });
    }

    function enablePrintButtons() {
        var buttons = document.querySelectorAll("[data-print]");
        Array.prototype.forEach.call(buttons, function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                window.print();
            });
        });
    }

    // On small screens the main navigation folds behind its "Menu" button.
    function enableNavigationToggle() {
        var nav = document.querySelector("[data-collapsible-nav]");
        if (!nav) {
            return;
        }
        var button = nav.querySelector(".site-nav__toggle");
        var list = nav.querySelector(".site-nav__list");
        if (!button || !list) {
            return;
        }
        nav.classList.add("is-collapsible");
        button.hidden = false;
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") !== "true";
            button.setAttribute("aria-expanded", open ? "true" : "false");
            list.classList.toggle("is-open", open);
        });
    }

    function init() {
        enableNavigationToggle();
        showLocalTimes();
        enablePrintButtons();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
