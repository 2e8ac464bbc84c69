/* The proposals list's bulk actions (templates/rounds/workbench/includes/bulk_controls.html):
   "Välj alla på den här sidan" ticks every row and a row untick unticks it. Without this
   script the box still works: it sends the page's ids, which the server adds. */
(function () {
  "use strict";

  function init() {
    var page = document.querySelector("[data-bulk-page]");
    if (!page) {
      return;
    }
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-bulk-row]"));

    function follow() {
      var ticked = rows.filter(function (row) {
        return row.checked;
      }).length;
      page.checked = ticked === rows.length;
      page.indeterminate = ticked > 0 && ticked < rows.length;
    }

    page.addEventListener("change", function () {
      rows.forEach(function (row) {
        row.checked = page.checked;
      });
    });
    rows.forEach(function (row) {
      row.addEventListener("change", follow);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
