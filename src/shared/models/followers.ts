import { z } from 'zod';
import { commonParams, defineModel } from './descriptor';

export const followersModel = defineModel({
  id: 'followers',
  version: '1',
  label: 'Followers',
  description:
    "The account's follower count: the popularity baseline that Cha et al. found to say little about the " +
    'retweets and mentions an account receives. The score is the follower count imported with the profile; when ' +
    'the profile gave none, it is the number of distinct other accounts with a `follow` interaction to the account ' +
    'in the dataset (a follow of oneself is not counted); when neither is known the score is 0 and the ' +
    'explanation says the count is unknown.',
  citation:
    'Cha, M., Haddadi, H., Benevenuto, F., Gummadi, K. P. (2010). Measuring user influence in Twitter: the ' +
    'million follower fallacy. Proceedings of ICWSM 2010.',
  fidelity: 'published',
  constants: [],
  params: z.strictObject({ ...commonParams }),
  outputs: [{ name: 'score', description: 'follower count (0 when unknown)' }],
  stochastic: false,
});
