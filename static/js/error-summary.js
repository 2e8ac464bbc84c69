// Move focus to a form's error summary when the page loads, so screen readers read it first,
// and let its links focus the field and bring the field's label into view. Without this script
// the summary still lists every error with a link to its field.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) {
            return;
        }
        event.preventDefault();
        var container = field.closest(".form-field, .form-check") || field;
        container.scrollIntoView();
        field.focus({ preventScroll: true });
    });
})();
