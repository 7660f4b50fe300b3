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

    // A time of day as the server prints it (hub/pages/formatting.py clock): 9:30 and
    // 17:00 in English, 9 h 30 and 17 h in French, never "09:30 AM".
    function clock(date, timeZone, french) {
        var parts = new Intl.DateTimeFormat("en-GB", {
            timeZone: timeZone, hour: "numeric", minute: "2-digit", hourCycle: "h23"
        }).formatToParts(date);
        var hour = "", minute = "";
        parts.forEach(function (part) {
            if (part.type === "hour") { hour = String(parseInt(part.value, 10)); }
            if (part.type === "minute") { minute = part.value; }
        });
        if (french) {
            return minute === "00" ? hour + "\u00a0h" : hour + "\u00a0h\u00a0" + minute;
        }
        return hour + ":" + minute;
    }

    // An event's times are printed in the venue's zone; add the reader's own time when it differs.
    function showLocalTimes() {
        var zone = readerTimeZone();
        if (!zone || !window.Intl) {
            return;
        }
        var language = document.documentElement.lang || undefined;
        var french = /^fr/.test(language || "");
        var english = /^en/.test(language || "");
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
            var day = new Intl.DateTimeFormat(english ? "en-GB" : language, {
                timeZone: zone, weekday: "long", day: "numeric", month: "long", year: "numeric"
            });
            var text = day.format(start) + ", " + clock(start, zone, french);
            if (end && !isNaN(end.getTime())) {
                text += sameDay(start, end, zone)
                    ? "\u2013" + clock(end, zone, french)
                    : " \u2013 " + day.format(end) + ", " + clock(end, zone, french);
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

/* ==========================================================================
   Search suggestions as you type (issue 3): the ARIA 1.2 combobox pattern.
   Markup: templates/includes/search_combobox.html. Without JavaScript the box is
   a plain search field. Keys: Down/Up move through the suggestions (opening the
   list), Enter opens the highlighted page (or searches when none is), Escape
   closes the list (then clears the field), Tab leaves. The number of suggestions
   is announced through a polite live region.
   ========================================================================== */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY = 150;

    function setUpCombobox(root) {
        var input = root.querySelector("[role=combobox]");
        var listbox = root.querySelector("[role=listbox]");
        var status = root.querySelector("[data-combobox-status]");
        var url = root.getAttribute("data-suggest-url");
        if (!input || !listbox || !url || !window.fetch) {
            return;
        }
        var options = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var shownFor = null;

        function isOpen() {
            return !listbox.hidden;
        }

        function open() {
            if (options.length) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function setActive(index) {
            active = index;
            options.forEach(function (option, position) {
                option.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({block: "nearest"});
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function announce(count) {
            var message;
            if (count === 0) {
                message = root.getAttribute("data-status-none");
            } else if (count === 1) {
                message = root.getAttribute("data-status-one");
            } else {
                message = (root.getAttribute("data-status-many") || "").replace("{count}", count);
            }
            if (status) {
                status.textContent = message || "";
            }
        }

        function openPage(option) {
            var target = option && option.getAttribute("data-url");
            if (target) {
                window.location.assign(target);
            }
        }

        function render(items, query) {
            listbox.textContent = "";
            options = items.map(function (item, position) {
                var option = document.createElement("li");
                option.id = listbox.id + "-" + position;
                option.className = "combobox__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", item.url);
                var type = document.createElement("span");
                type.className = "combobox__option-type";
                type.textContent = item.type_label;
                var title = document.createElement("span");
                title.className = "combobox__option-title";
                title.textContent = item.title;
                option.appendChild(type);
                option.appendChild(title);
                // Keep the focus in the field: the click then opens the page.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    openPage(option);
                });
                listbox.appendChild(option);
                return option;
            });
            shownFor = query;
            setActive(-1);
            if (options.length) {
                open();
            } else {
                close();
            }
            announce(options.length);
        }

        function requestSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                if (controller) {
                    controller.abort();
                }
                options = [];
                listbox.textContent = "";
                shownFor = null;
                close();
                if (status) {
                    status.textContent = "";
                }
                return;
            }
            if (query === shownFor) {
                open();
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            var address = url + "?q=" + encodeURIComponent(query);
            window.fetch(address, {
                headers: {"Accept": "application/json"},
                credentials: "same-origin",
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : {suggestions: []};
            }).then(function (data) {
                if (input.value.trim() === query) {
                    render(data.suggestions || [], query);
                }
            }).catch(function () {
                // Aborted or offline: the field keeps working as a plain search box.
            });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(requestSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "Down") {
                if (!options.length) {
                    requestSuggestions();
                    return;
                }
                event.preventDefault();
                if (!isOpen()) {
                    open();
                }
                setActive(active + 1 >= options.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (!options.length) {
                    return;
                }
                event.preventDefault();
                if (!isOpen()) {
                    open();
                }
                setActive(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Enter") {
                if (isOpen() && active >= 0) {
                    event.preventDefault();
                    openPage(options[active]);
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (isOpen()) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    options = [];
                    shownFor = null;
                }
            } else if (event.key === "Tab") {
                close();
            }
        });

        input.addEventListener("blur", function () {
            close();
        });

        input.addEventListener("focus", function () {
            if (options.length && input.value.trim() === shownFor) {
                open();
            }
        });
    }

    function init() {
        var boxes = document.querySelectorAll("[data-search-combobox]");
        Array.prototype.forEach.call(boxes, setUpCombobox);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();

/* Forms : the error summary takes focus when the page loads, so screen
   readers announce it and the keyboard starts there (autofocus does the same in
   browsers that honour it on a non-form element). */
(function () {
    "use strict";

    function focusErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (summary && document.activeElement !== summary) {
            summary.focus();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", focusErrorSummary);
    } else {
        focusErrorSummary();
    }
})();

/* Journeys (issue 10): the phone menu closes with Escape; the filter disclosure is
   open on wide screens; compare ticks are kept across the library's pages. */
(function () {
    "use strict";

    function closeMenuOnEscape() {
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") {
                return;
            }
            var button = document.querySelector("[data-collapsible-nav] .site-nav__toggle");
            if (button && button.getAttribute("aria-expanded") === "true") {
                button.click();
                button.focus();
            }
        });
    }

    // Below 62rem the filters start folded (results first); wider, they are open.
    function openFiltersOnWideScreens() {
        var panels = document.querySelectorAll("[data-filters-disclosure]");
        if (!panels.length || !window.matchMedia) {
            return;
        }
        var wide = window.matchMedia("(min-width: 62rem)");
        function sync() {
            Array.prototype.forEach.call(panels, function (panel) {
                if (wide.matches) {
                    panel.open = true;
                }
            });
        }
        sync();
        if (wide.addEventListener) {
            wide.addEventListener("change", sync);
        }
    }

    // The ticked items live in sessionStorage (this tab only), per library.
    function keepCompareTicks() {
        var form = document.getElementById("compare-form");
        if (!form || !window.sessionStorage) {
            return;
        }
        var key = "hub-compare:" + form.getAttribute("action");
        var boxes = document.querySelectorAll('input[name="items"][form="compare-form"]');
        var count = form.querySelector("[data-compare-count]");
        var chosen;
        try {
            chosen = JSON.parse(window.sessionStorage.getItem(key) || "[]");
        } catch (error) {
            chosen = [];
        }
        if (!Array.isArray(chosen)) {
            chosen = [];
        }
        function save() {
            try {
                window.sessionStorage.setItem(key, JSON.stringify(chosen));
            } catch (error) {
                // storage full or refused: the ticks on this page still work
            }
        }
        function show() {
            if (!count) {
                return;
            }
            var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
            var form = rules && rules.select(chosen.length) === "one" ? "data-one" : "data-other";
            count.textContent = count.getAttribute(form).replace("%s", chosen.length);
            count.hidden = chosen.length === 0;
        }
        Array.prototype.forEach.call(boxes, function (box) {
            box.checked = chosen.indexOf(box.value) !== -1;
            box.addEventListener("change", function () {
                var at = chosen.indexOf(box.value);
                if (box.checked && at === -1) {
                    chosen.push(box.value);
                } else if (!box.checked && at !== -1) {
                    chosen.splice(at, 1);
                }
                save();
                show();
            });
        });
        form.addEventListener("submit", function () {
            var here = Array.prototype.map.call(boxes, function (box) { return box.value; });
            chosen.forEach(function (value) {
                if (here.indexOf(value) === -1) {
                    var hidden = document.createElement("input");
                    hidden.type = "hidden";
                    hidden.name = "items";
                    hidden.value = value;
                    form.appendChild(hidden);
                }
            });
        });
        show();
    }

    function init() {
        closeMenuOnEscape();
        openFiltersOnWideScreens();
        keepCompareTicks();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
