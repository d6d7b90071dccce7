/* The minutes editor: rich text for discussions, filling people from the office's data,
   deadline fields (and asking for the deadline a decision's words propose when its text is left),
   and a warning before leaving with unsaved changes.
   Everything here is an enhancement: the editor works as a plain form without it. */
(function () {
  "use strict";
  var dirty = false;

  function officials() {
    var node = document.getElementById("officials-data");
    return node ? JSON.parse(node.textContent) : {};
  }

  function richText(root) {
    root.querySelectorAll("textarea.rich-text:not([data-enhanced])").forEach(function (area) {
      area.setAttribute("data-enhanced", "1");
      var box = document.createElement("div");
      box.className = "rich-text-box form-control";
      box.contentEditable = "true";
      box.setAttribute("role", "textbox");
      box.setAttribute("aria-multiline", "true");
      box.setAttribute("aria-label", area.labels && area.labels[0] ? area.labels[0].textContent.trim() : "");
      box.innerHTML = /<[a-z]/i.test(area.value) ? area.value : area.value.split(/\n\s*\n/).map(function (p) {
        var div = document.createElement("p"); div.textContent = p; return p ? div.outerHTML : "";
      }).join("");
      var bar = document.createElement("div");
      bar.className = "rich-text-bar btn-group btn-group-sm mb-1";
      [["bold", "<b>B</b>"], ["italic", "<i>I</i>"], ["underline", "<u>U</u>"],
       ["insertUnorderedList", "•"], ["insertOrderedList", "১."], ["table", "▦"]].forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button"; btn.className = "btn btn-outline-secondary"; btn.innerHTML = b[1];
        btn.title = b[0];
        btn.addEventListener("click", function () {
          box.focus();
          if (b[0] === "table") {
            var rows = parseInt(prompt("সারি কয়টি?", "3"), 10) || 2, cols = parseInt(prompt("কলাম কয়টি?", "2"), 10) || 2;
            var html = "<table><tbody>";
            for (var r = 0; r < rows; r++) { html += "<tr>"; for (var c = 0; c < cols; c++) html += r ? "<td><br></td>" : "<th><br></th>"; html += "</tr>"; }
            document.execCommand("insertHTML", false, html + "</tbody></table><p><br></p>");
          } else {
            document.execCommand(b[0], false, null);
          }
          sync();
        });
        bar.appendChild(btn);
      });
      function sync() { area.value = box.innerHTML; }
      box.addEventListener("input", function () { sync(); dirty = true; showDirty(); });
      // Leaving a decision's text: its deadline proposal is asked for again (deadline_proposals.py).
      var left = area.value;
      box.addEventListener("blur", function () {
        if (area.value === left) return;
        left = area.value;
        area.dispatchEvent(new CustomEvent("decision-text-left", {bubbles: true}));
      });
      area.hidden = true;
      area.parentNode.insertBefore(bar, area);
      area.parentNode.insertBefore(box, area);
    });
    document.execCommand("defaultParagraphSeparator", false, "p");
  }

  function deadlines(root) {
    root.querySelectorAll(".decision").forEach(function (decision) {
      var kind = decision.querySelector("select[name$='-deadline_kind']");
      var every = decision.querySelector("select[name$='-deadline_every']");
      if (!kind) return;
      function show() {
        decision.querySelectorAll(".deadline-field").forEach(function (f) {
          f.hidden = f.getAttribute("data-kind") !== kind.value && !f.querySelector(".is-invalid");
        });
        // A rule: the quarter's month only for a quarterly one, the day only for one that recurs.
        var recurs = every ? every.value : "";
        [["deadline_month", recurs !== "quarter"], ["deadline_day", !recurs]].forEach(function (pair) {
          var input = decision.querySelector("[name$='-" + pair[0] + "']");
          var field = input && input.closest(".deadline-field");
          if (field && pair[1] && !field.querySelector(".is-invalid")) field.hidden = true;
        });
        // A deadline set by hand: its words' proposal is no longer needed.
        decision.querySelectorAll(".deadline-proposal").forEach(function (p) { p.hidden = kind.value !== "none"; });
      }
      kind.addEventListener("change", show);
      if (every) every.addEventListener("change", show);
      show();
    });
  }

  function people(root) {
    var data = officials();
    var byName = {};
    Object.keys(data).forEach(function (id) { byName[data[id].name] = Object.assign({id: id}, data[id]); });
    var chair = root.querySelector("#id_chair");
    if (chair) chair.addEventListener("change", function () {
      var o = data[chair.value]; if (!o) return;
      root.querySelector("#id_chair_name").value = o.name;
      root.querySelector("#id_chair_designation").value = o.designation;
    });
    var issuer = root.querySelector("#id_issuer");
    if (issuer) issuer.addEventListener("change", function () {
      var o = data[issuer.value]; if (!o) return;
      root.querySelector("#id_issuer_name").value = o.name;
      root.querySelector("#id_issuer_designation").value = o.designation;
    });
    root.querySelectorAll(".attendee-name").forEach(function (input) {
      input.addEventListener("change", function () {
        var o = byName[input.value]; if (!o) return;
        var row = input.closest("tr");
        ["designation", "workplace", "mobile", "email"].forEach(function (f) {
          var field = row.querySelector("[name$='-" + f + "']");
          if (field && !field.value) field.value = o[f] || "";
        });
        var hidden = row.querySelector("[name$='-official']");
        if (hidden) hidden.value = o.id;
      });
    });
  }

  function showDirty() {
    var note = document.querySelector(".unsaved-note");
    if (note) note.hidden = !dirty;
  }

  function init(root) { richText(root); deadlines(root); people(root); showDirty(); }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  // The editor's own swaps (rows added, moved, removed) are unsaved; other apps' panels are not.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "editor") dirty = true;
    init(document);
  });
  document.addEventListener("input", function (e) { if (e.target.closest("#editor-form")) { dirty = true; showDirty(); } });
  document.addEventListener("submit", function (e) {
    if (e.target.id === "editor-form") dirty = false;
  });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });
})();
