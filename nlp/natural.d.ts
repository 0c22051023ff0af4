// natural ships no types for its deep files; we deep-import single stemmers because
// `require('natural')` loads its whole tree (and dotenv) in ~650 ms (STACK-NOTES.md).
interface NaturalStemmer {
  stem(token: string): string;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_it' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_pt' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
