// HTML entity decoding (&nbsp;, &#x4e2d;, …) is the `entities` package's job, not ours.
export { decodeHTML as decodeEntities } from 'entities';
