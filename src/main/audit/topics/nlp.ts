import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItemSentence, ItemToken, ItsFunction } from 'wink-nlp';

/** One token as the rejection rules read it (docs/AUDIT.md, "Negation with scope"). */
export interface Word {
  /** Lower-cased as written, with curly apostrophes straightened; a hashtag keeps its '#'. */
  text: string;
  /** wink's normal form ("n't" and "nt" -> "not", "ca" -> "can"). */
  normal: string;
  lemma: string;
  /** Universal POS tag (VERB, AUX, PART, ADP, PRON, ...). */
  pos: string;
  /** wink's token type: word, number, hashtag, mention, url, emoji, emoticon, punctuation, ... */
  type: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/**
 * wink-nlp with its English lite model, loaded on first use (about 0.3 s and 4 MB once per process). Only the
 * sentence, negation and part-of-speech steps run: entities and sentiment are not used and would double the time.
 */
function engine(): Nlp {
  // Required here rather than imported: loading the two packages took about 50 ms of every engine and CLI start,
  // also of the many that never read a post.
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const load = require('wink-nlp') as typeof winkNLP;
    nlp = load(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['sbd', 'negation', 'pos']);
  }
  return nlp;
}

const straight = (text: string) => text.toLowerCase().replace(/[\u2018\u2019\u02bc]/gu, "'");

/** The sentences of a text, each as its words in order. */
export function sentencesOf(text: string): Word[][] {
  const { its } = engine();
  const doc = engine().readDoc(text.normalize('NFC'));
  const sentences: Word[][] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const words: Word[] = [];
    sentence.tokens().each((token: ItemToken) => {
      words.push({
        text: straight(token.out(its.value)),
        normal: straight(token.out(its.normal)),
        // wink's typings give lemma an extra `addons` parameter that its token functions do receive.
        lemma: straight(token.out(its.lemma as unknown as ItsFunction<string>)),
        pos: String(token.out(its.pos)),
        type: token.out(its.type),
      });
    });
    sentences.push(words);
  });
  return sentences;
}
