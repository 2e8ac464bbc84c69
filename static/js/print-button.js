// The "Skriv ut / spara som PDF" button needs JavaScript, so it is hidden in the HTML. Show it,
// let it open the browser's print dialogue, and hide the text that explains Ctrl+P instead.
(function () {
    "use strict";
    if (typeof window.print !== "function") {
        return;
    }
    document.querySelectorAll("[data-print-action]").forEach(function (action) {
        var button = action.querySelector("[data-print-button]");
        var hint = action.querySelector("[data-print-hint]");
        if (!button) {
            return;
        }
        button.hidden = false;
        if (hint) {
            hint.hidden = true;
        }
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
