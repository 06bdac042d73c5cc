/// Charts: everything Blackout draws at build time, as SVG text, with no JavaScript.
enum Charts {}
