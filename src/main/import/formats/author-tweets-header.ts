/**
 * The header of the Congress network authors' per-author tweet tables (gsprint23/CongressionalTwitterNetwork), by
 * which detect.ts recognises them without loading their importer.
 */
export const AUTHOR_TWEETS_HEADER = 'TweetID,replied_to_author_ids,retweeted_author_ids,quoted_author_ids,mentioned_user_ids';
