// The control page's only script (served as /bench-control.js; startup.mjs writes
// /bench-control.html around it): the kiosk's home screen shown with no framework.
// It takes away the "starting…" notice, puts in the home screen's markup (captured
// from the kiosk, kept in a <template>), and sets the same mark the same way as
// `mark_interactive` in src/lib.rs, so both cold starts end at the same point. It
// fetches no kiosk.json: what is left is the floor, parsing, style, layout and
// paint of the same screen.
//
// A module, like Trunk's start-up script in index.html, so it runs at the same
// moment (after parsing). An external file because the server's CSP allows no
// inline script but index.html's own.
document.getElementById("kiosk-loading")?.remove();
document.body.append(document.getElementById("bench-home").content.cloneNode(true));
// The animation frame callback runs before the next paint; the timeout queued
// from it runs after that paint.
requestAnimationFrame(() => setTimeout(() => performance.mark("kiosk:interactive"), 0));
