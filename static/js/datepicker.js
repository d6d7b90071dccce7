/* A Bangla date picker for the portal's date inputs (input[data-datepicker], bangla/forms.py DateInput).

   The input stays a plain text box: typing ২৫.১০.২০২২ or 25/10/2022 works without this script. It
   adds a button that opens a month's calendar: Bangla month names and digits, the week from
   Saturday, Friday and Saturday marked as the weekend, today outlined. Its words come from the
   page (#datepicker-strings, bangla.forms.datepicker_strings), in the user's language.
   Keyboard: Alt+↓ in the input or the button opens it; arrows move by a day or a week, Home/End to
   the week's ends, PageUp/PageDown by a month (with Shift by a year), Enter or Space picks,
   Escape closes. Under the strict Content-Security-Policy: no inline script or style; the calendar
   is built with DOM calls and placed by classes (static/css/portal.css). Inputs swapped in by htmx
   get their button too. Picking a date fires "input" and "change", as typing does. */
(function () {
  "use strict";
  var BN = "০১২৩৪৫৬৭৮৯";
  var DEFAULTS = {
    digits: "beng",
    months: ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"],
    weekdays: ["শনি", "রবি", "সোম", "মঙ্গল", "বুধ", "বৃহঃ", "শুক্র"],
    weekdaysLong: ["শনিবার", "রবিবার", "সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার"],
    weekStart: 6, weekend: [5, 6],
    choose: "তারিখ বাছুন", previousMonth: "আগের মাস", nextMonth: "পরের মাস",
    previousYear: "আগের বছর", nextYear: "পরের বছর", today: "আজ", close: "বন্ধ করুন"
  };
  var words = null, count = 0, current = null;

  function strings() {
    if (!words) {
      var node = document.getElementById("datepicker-strings");
      words = node ? JSON.parse(node.textContent) : DEFAULTS;
    }
    return words;
  }

  function shown(text) {
    text = String(text);
    return strings().digits === "beng" ? text.replace(/[0-9]/g, function (d) { return BN[d]; }) : text;
  }

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }

  function format(date) {
    return shown(pad(date.getDate(), 2) + "." + pad(date.getMonth() + 1, 2) + "." + pad(date.getFullYear(), 4));
  }

  /* The same forms the server takes (bangla.dates.parse_date): d.m.yyyy with ".", "/" or "-", or yyyy-m-d. */
  function parse(text) {
    var t = String(text || "").replace(/[০-৯]/g, function (d) { return BN.indexOf(d); }).trim();
    var m = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(t), y, mo, d;
    if (m) { d = +m[1]; mo = +m[3]; y = +m[4]; }
    else if ((m = /^(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/.exec(t))) { y = +m[1]; mo = +m[3]; d = +m[4]; }
    else return null;
    var date = new Date(y, mo - 1, d);
    return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
  }

  function addDays(date, n) { return new Date(date.getFullYear(), date.getMonth(), date.getDate() + n); }

  function addMonths(date, n) {
    var last = new Date(date.getFullYear(), date.getMonth() + n + 1, 0).getDate();
    return new Date(date.getFullYear(), date.getMonth() + n, Math.min(date.getDate(), last));
  }

  function sameDay(a, b) {
    return !!a && !!b && a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(className, label, text) {
    var node = element("button", className, text);
    node.type = "button";
    node.setAttribute("aria-label", label);
    node.title = label;
    return node;
  }

  function icon() {  // drawn by CSS (.datepicker-icon): no SVG, no image, no glyph the fonts may lack
    var span = element("span", "datepicker-icon");
    span.setAttribute("aria-hidden", "true");
    return span;
  }

  function Picker(input) {
    var s = strings(), id = "datepicker-" + (++count), self = this;
    this.input = input;
    input.setAttribute("data-datepicker-ready", "1");

    // <div.datepicker> <div.input-group> input, button, (errors) </div> <div.datepicker-popup> </div>
    this.root = element("div", "datepicker");
    var group = element("div", "input-group");
    if (input.classList.contains("form-control-sm")) group.classList.add("input-group-sm");
    input.parentNode.insertBefore(this.root, input);
    this.root.appendChild(group);
    group.appendChild(input);
    this.toggle = button("btn btn-outline-secondary datepicker-toggle", s.choose);
    this.toggle.appendChild(icon());
    this.toggle.setAttribute("aria-haspopup", "dialog");
    this.toggle.setAttribute("aria-expanded", "false");
    this.toggle.setAttribute("aria-controls", id);
    this.toggle.disabled = input.disabled || input.readOnly;
    group.appendChild(this.toggle);
    // Bootstrap shows an error only as a sibling of the invalid input: keep it in the group.
    while (this.root.nextElementSibling && this.root.nextElementSibling.classList.contains("invalid-feedback")) {
      group.appendChild(this.root.nextElementSibling);
      group.classList.add("has-validation");
    }

    this.popup = element("div", "datepicker-popup card shadow");
    this.popup.id = id;
    this.popup.hidden = true;
    this.popup.setAttribute("role", "dialog");
    this.popup.setAttribute("aria-labelledby", id + "-title");
    var head = element("div", "datepicker-head");
    var title = this.title = element("div", "datepicker-title");
    title.id = id + "-title";
    title.setAttribute("aria-live", "polite");
    [[s.previousYear, "«", -12], [s.previousMonth, "‹", -1], null, [s.nextMonth, "›", 1], [s.nextYear, "»", 12]].forEach(function (b) {
      if (!b) { head.appendChild(title); return; }
      var nav = button("btn btn-sm btn-light datepicker-nav", b[0], b[1]);
      nav.addEventListener("click", function () { self.move(addMonths(self.focus, b[2]), false); });
      head.appendChild(nav);
    });
    this.popup.appendChild(head);

    var grid = this.grid = element("table", "datepicker-grid");
    grid.setAttribute("role", "grid");
    grid.setAttribute("aria-labelledby", title.id);
    var headRow = element("tr");
    s.weekdays.forEach(function (name, i) {
      var th = element("th", "", name);
      th.scope = "col";
      th.abbr = s.weekdaysLong[i];
      headRow.appendChild(th);
    });
    grid.appendChild(element("thead")).appendChild(headRow);
    this.body = grid.appendChild(element("tbody"));
    this.popup.appendChild(grid);

    var foot = element("div", "datepicker-foot");
    var today = button("btn btn-sm btn-outline-success", s.today, s.today);
    today.addEventListener("click", function () { self.pick(new Date()); });
    var close = button("btn btn-sm btn-outline-secondary", s.close, s.close);
    close.addEventListener("click", function () { self.close(true); });
    foot.appendChild(today);
    foot.appendChild(close);
    this.popup.appendChild(foot);
    this.root.appendChild(this.popup);

    this.toggle.addEventListener("click", function () { if (self.popup.hidden) self.open(); else self.close(true); });
    input.addEventListener("keydown", function (e) {
      if (e.altKey && e.key === "ArrowDown") { e.preventDefault(); self.open(); }
    });
    this.body.addEventListener("click", function (e) {
      var day = e.target.closest("button[data-date]");
      if (day) self.pick(parse(day.getAttribute("data-date")));
    });
    this.body.addEventListener("keydown", function (e) { self.key(e); });
    this.popup.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); self.close(true); }
    });
    this.root.addEventListener("focusout", function (e) {
      if (!self.popup.hidden && e.relatedTarget && !self.root.contains(e.relatedTarget)) self.close(false);
    });
  }

  Picker.prototype.open = function () {
    if (current && current !== this) current.close(false);
    current = this;
    this.selected = parse(this.input.value);
    this.focus = this.selected || new Date();
    this.render(true);
    this.popup.hidden = false;
    this.toggle.setAttribute("aria-expanded", "true");
    this.popup.classList.remove("datepicker-popup-end");
    if (this.popup.getBoundingClientRect().right > document.documentElement.clientWidth) {
      this.popup.classList.add("datepicker-popup-end");
    }
    this.focusDay();
  };

  Picker.prototype.close = function (refocus) {
    this.popup.hidden = true;
    this.toggle.setAttribute("aria-expanded", "false");
    if (current === this) current = null;
    if (refocus) this.toggle.focus();
  };

  Picker.prototype.pick = function (date) {
    this.input.value = format(date);
    this.input.dispatchEvent(new Event("input", {bubbles: true}));
    this.input.dispatchEvent(new Event("change", {bubbles: true}));
    this.close(false);
    this.input.focus();
  };

  Picker.prototype.move = function (date, focusDay) {
    this.focus = date;
    this.render(false);
    if (focusDay) this.focusDay();
  };

  Picker.prototype.focusDay = function () {
    var day = this.body.querySelector('button[tabindex="0"]');
    if (day) day.focus();
  };

  Picker.prototype.key = function (e) {
    var f = this.focus, column = (f.getDay() - strings().weekStart + 7) % 7, next = null;
    switch (e.key) {
      case "ArrowLeft": next = addDays(f, -1); break;
      case "ArrowRight": next = addDays(f, 1); break;
      case "ArrowUp": next = addDays(f, -7); break;
      case "ArrowDown": next = addDays(f, 7); break;
      case "Home": next = addDays(f, -column); break;
      case "End": next = addDays(f, 6 - column); break;
      case "PageUp": next = addMonths(f, e.shiftKey ? -12 : -1); break;
      case "PageDown": next = addMonths(f, e.shiftKey ? 12 : 1); break;
      default: return;  // Enter and Space click the focused day's button
    }
    e.preventDefault();
    this.move(next, true);
  };

  Picker.prototype.render = function () {
    var s = strings(), f = this.focus, today = new Date();
    var first = new Date(f.getFullYear(), f.getMonth(), 1);
    var offset = (first.getDay() - s.weekStart + 7) % 7;
    var days = new Date(f.getFullYear(), f.getMonth() + 1, 0).getDate();
    var start = addDays(first, -offset);
    this.title.textContent = s.months[f.getMonth()] + " " + shown(f.getFullYear());
    this.body.textContent = "";
    for (var week = 0; week < Math.ceil((offset + days) / 7); week++) {
      var row = element("tr");
      for (var column = 0; column < 7; column++) {
        var date = addDays(start, week * 7 + column), cell = element("td"), day = element("button", "datepicker-day", shown(date.getDate()));
        cell.setAttribute("role", "gridcell");
        day.type = "button";
        day.tabIndex = sameDay(date, f) ? 0 : -1;
        day.setAttribute("data-date", date.getFullYear() + "-" + (date.getMonth() + 1) + "-" + date.getDate());
        day.setAttribute("aria-label", shown(date.getDate()) + " " + s.months[date.getMonth()] + " " + shown(date.getFullYear()) + ", " + s.weekdaysLong[column]);
        if (date.getMonth() !== f.getMonth()) day.classList.add("outside");
        if (s.weekend.indexOf(date.getDay()) >= 0) day.classList.add("weekend");
        if (sameDay(date, today)) { day.classList.add("today"); day.setAttribute("aria-current", "date"); }
        if (sameDay(date, this.selected)) { day.classList.add("active"); cell.setAttribute("aria-selected", "true"); }
        cell.appendChild(day);
        row.appendChild(cell);
      }
      this.body.appendChild(row);
    }
  };

  function init(root) {
    root.querySelectorAll("input[data-datepicker]:not([data-datepicker-ready])").forEach(function (input) {
      new Picker(input);
    });
  }

  document.addEventListener("mousedown", function (e) {
    if (current && !current.root.contains(e.target)) current.close(false);
  });
  document.addEventListener("htmx:afterSwap", function () { current = null; init(document); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
