// The self-contained, minified build of handlebars (compiler + runtime, no source-map): the same API
// as the package's main entry at a fraction of its load time.
declare module 'handlebars/dist/handlebars.min.js' {
  import Handlebars from 'handlebars';
  export default Handlebars;
}
