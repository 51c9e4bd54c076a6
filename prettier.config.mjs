/**
 * Formatting for the whole tree, checked by `npm test` (`prettier --check .`). The Tailwind plugin
 * sorts class names in `className`, `cva()` and `cn()` the way Tailwind orders its CSS.
 * @type {import("prettier").Config}
 */
const config = {
  printWidth: 120,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
  tailwindFunctions: ["cva", "cn", "clsx"],
};

export default config;
