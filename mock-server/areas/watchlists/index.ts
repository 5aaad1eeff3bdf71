/**
 * The watchlists area: watchlists and their accounts, scored when added and re-scored every day at
 * 00:00 UTC, with `account.band_changed` and `signal.spike` alerts.
 */
import { defineArea } from '../../pipeline/area.ts';
import { allWatchlists } from './model.ts';
import { scheduleDailyRefresh } from './refresh.ts';
import { watchlistRoutes } from './routes.ts';

export {
  type AccountRecord,
  allWatchlists,
  newestScore,
  retrieveWatchlist,
  type WatchlistRecord,
} from './model.ts';

export const watchlistsArea = defineArea({
  name: 'watchlists',
  routes: watchlistRoutes,
  start: scheduleDailyRefresh,
  summarise: (space) => {
    let watchlists = 0;
    let watchlist_accounts = 0;
    for (const watchlist of allWatchlists(space)) {
      watchlists++;
      watchlist_accounts += watchlist.accounts.size;
    }
    return { watchlists, watchlist_accounts };
  },
});
