// The receipt's "Kopiera länken" and "Dela" buttons need JavaScript, so they are hidden in the
// HTML. Show each one only where the browser can do it: copying needs the Clipboard API (a
// secure page), sharing the Web Share API (mostly phones). The link itself is always on the page.
(function () {
    "use strict";
    document.querySelectorAll("[data-share-actions]").forEach(function (actions) {
        var link = actions.parentElement.querySelector("[data-share-url]");
        var copy = actions.querySelector("[data-copy-button]");
        var share = actions.querySelector("[data-share-button]");
        var status = actions.querySelector("[data-share-status]");
        var hint = actions.querySelector("[data-share-hint]");
        if (!link) {
            return;
        }
        var url = link.href;
        var say = function (message) {
            if (status) {
                status.textContent = message;
            }
        };
        if (copy && navigator.clipboard && window.isSecureContext) {
            copy.hidden = false;
            copy.addEventListener("click", function () {
                navigator.clipboard.writeText(url).then(
                    function () {
                        say(actions.dataset.copied);
                    },
                    function () {
                        say(actions.dataset.copyFailed);
                    }
                );
            });
        }
        var data = { title: document.title, url: url };
        if (share && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
            share.hidden = false;
            if (hint) {
                hint.hidden = false;
            }
            share.addEventListener("click", function () {
                // Closing the share sheet rejects the promise: nothing to say then.
                navigator.share(data).catch(function () {});
            });
        }
    });
})();
