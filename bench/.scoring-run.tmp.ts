import b from './scoring.bench.js';
console.log(await b.run());
