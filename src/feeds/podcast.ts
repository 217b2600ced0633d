/**
 * One RSS 2.0 feed per show (`/podcasts/<show>/feed.xml`) with the iTunes
 * tags podcast apps read. Every episode whose audio was preserved is an
 * item with its enclosure; an episode without audio is left out, since a
 * podcast item without an enclosure has nothing to play (Apple Podcasts
 * requires one per episode); the show's page, the channel's link, still
 * lists it with its note.
 */
import { generateRssFeed, type RssFeed } from "feedsmith";
import type { SidebarIndex } from "../sidebars/index.ts";
import { RSS_TYPE, ZonedDate, siteUrls, type FeedFile, type FeedOptions } from "./common.ts";

/**
 * iTunes category of every show: the data files have no field for it, and
 * the archive is a tech blog's.
 */
export const PODCAST_CATEGORY = "Technology";

/** `1:02:03`, `34:12`, `2052` or `45 min` → seconds; anything else is left out of the feed. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const value = text.trim();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1] ?? 0), Number(clock[2]), Number(clock[3])];
    return seconds < 60 && (clock[1] === undefined || minutes < 60) ? hours * 3600 + minutes * 60 + seconds : undefined;
  }
  if (/^\d+$/.test(value)) return Number(value);
  const minutes = /^(\d+)\s*(?:m|min|mins|minutes?)\.?$/i.exec(value);
  return minutes ? Number(minutes[1]) * 60 : undefined;
}

export function podcastFeedUrl(show: string): string {
  return `/podcasts/${show}/feed.xml`;
}

/** The RSS feed of show `id`, episodes newest first. */
export function podcastFeed(index: SidebarIndex, id: string, options: FeedOptions = {}): string {
  const { archive } = index;
  const show = archive.podcasts[id];
  if (!show) throw new Error(`No podcast "${id}" in _data/podcasts.`);
  const urls = siteUrls(archive.site, options.prefix);
  const page = urls.abs(`/podcasts/${id}/`);
  const hostName = archive.authors[show.host]?.name ?? show.host;
  const image = show.image ? urls.resolve(show.image) : undefined;
  const episodes = [...(index.episodes.get(id) ?? [])].reverse().filter((episode) => episode.audio);
  const newest = episodes[0] && new ZonedDate(episodes[0].date.dt);

  const feed: RssFeed.Feed<Date> = {
    title: show.title,
    link: page,
    description: show.description ?? `${show.title}, hosted by ${hostName}.`,
    language: archive.site.language,
    pubDate: newest,
    lastBuildDate: newest,
    image: image ? { url: image, title: show.title, link: page } : undefined,
    atom: { links: [{ href: urls.abs(podcastFeedUrl(id)), rel: "self", type: RSS_TYPE }] },
    itunes: {
      author: hostName,
      image,
      explicit: show.explicit,
      categories: [{ text: PODCAST_CATEGORY }],
      // No e-mail addresses are kept in the data files: the owner is named only.
      owner: { name: hostName },
      type: "episodic",
    },
    items: episodes.map((episode): RssFeed.Item<Date> => {
      const url = `${page}#${episode.anchor}`;
      return {
        title: episode.title,
        link: url,
        guid: { value: url, isPermaLink: true },
        pubDate: new ZonedDate(episode.date.dt),
        description: episode.description,
        enclosures: [
          {
            url: urls.resolve(episode.audio!),
            // RSS best practice for a size that is not known.
            length: episode.length ?? 0,
            type: episode.type,
          },
        ],
        itunes: {
          title: episode.title,
          author: hostName,
          duration: durationSeconds(episode.duration),
          explicit: show.explicit,
          episodeType: "full",
        },
      };
    }),
  };
  return generateRssFeed(feed);
}

/** The feed of every show. */
export function podcastFeeds(index: SidebarIndex, options: FeedOptions = {}): FeedFile[] {
  return Object.keys(index.archive.podcasts).map((id) => ({
    url: podcastFeedUrl(id),
    type: RSS_TYPE,
    body: podcastFeed(index, id, options),
  }));
}
