/* Registering many proposals (templates/rounds/workbench/batch.html, import.html).
   Moves focus to the summary of errors, so a keyboard or screen reader user starts there, and
   makes "Lägg till rad" add one empty row in place, focused, instead of sending the form.
   Without this script the button sends the form back with more rows, nothing lost. */
(function () {
  "use strict";

  var summary = document.querySelector("[data-batch-focus]");
  if (summary) {
    summary.focus();
  }

  var button = document.querySelector("[data-batch-add]");
  var template = document.getElementById("batch-empty-row");
  var rows = document.querySelector("[data-batch-rows]");
  var total = document.querySelector('input[name$="-TOTAL_FORMS"]');
  if (!button || !template || !rows || !total) {
    return;
  }
  var status = document.querySelector("[data-batch-status]");
  var max = parseInt(button.getAttribute("data-batch-max"), 10);

  button.addEventListener("click", function (event) {
    event.preventDefault();
    var index = parseInt(total.value, 10);
    if (isNaN(index) || index >= max) {
      return;
    }
    var number = String(index + 1);
    rows.insertAdjacentHTML(
      "beforeend",
      template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__row__/g, number)
    );
    total.value = number;
    var row = document.getElementById("batch-row-" + number);
    var first = row && row.querySelector("input, textarea, select");
    if (first) {
      first.focus();
    }
    if (status) {
      status.textContent = "Rad " + number + " är tillagd.";
    }
    if (index + 1 >= max) {
      button.hidden = true;
    }
  });
})();
