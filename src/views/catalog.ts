/** Views of the data-file pages: podcasts with their episodes, books, reviews. */
import { formatArchiveDate } from "../dates.ts";
import type { Archive } from "../content/model.ts";
import { hasPodcastFeed, podcastFeedUrl } from "../feeds/podcast.ts";
import { reviewAnchors, reviewPost, type SidebarIndex } from "../sidebars/index.ts";

export interface Person {
  name: string;
  url: string;
}

const person = (archive: Archive, id: string): Person => ({ name: archive.authors[id]?.name ?? id, url: `/authors/${id}/` });

export interface EpisodeView {
  anchor: string;
  title: string;
  datetime: string;
  date: string;
  audio?: string;
  duration?: string;
  description?: string;
}

export interface PodcastPage {
  id: string;
  url: string;
  title: string;
  host: Person;
  description?: string;
  link?: string;
  /** Root-relative URL of the show's RSS feed; none when no episode's audio was preserved. */
  feed?: string;
  /** Newest first. */
  episodes: EpisodeView[];
}

export function podcastPages(index: SidebarIndex): PodcastPage[] {
  const { archive } = index;
  return Object.entries(archive.podcasts).map(([id, show]) => ({
    id,
    url: `/podcasts/${id}/`,
    title: show.title,
    host: person(archive, show.host),
    description: show.description,
    link: show.link,
    feed: hasPodcastFeed(show) ? podcastFeedUrl(id) : undefined,
    episodes: [...(index.episodes.get(id) ?? [])].reverse().map((episode) => ({
      anchor: episode.anchor,
      title: episode.title,
      datetime: episode.date.datetime,
      date: formatArchiveDate(episode.date, archive.site.language),
      audio: episode.audio,
      duration: episode.duration,
      description: episode.description,
    })),
  }));
}

export interface BookView {
  id: string;
  title: string;
  author?: string;
  year?: number;
  link?: string;
  note?: string;
  isbn?: string;
  recommendedBy: Person[];
}

export function booksView(archive: Archive): BookView[] {
  return Object.entries(archive.books).map(([id, book]) => ({
    id,
    title: book.title,
    author: book.author,
    year: book.year,
    link: book.link,
    note: book.note,
    isbn: book.isbn,
    recommendedBy: book.recommended_by.map((who) => person(archive, who)),
  }));
}

export interface ReviewView {
  anchor: string;
  title: string;
  datetime: string;
  date: string;
  reviewer?: Person;
  link?: string;
  post?: { title: string; url: string };
}

/** Every review, newest first. */
export function reviewsView(archive: Archive): ReviewView[] {
  const anchors = reviewAnchors(archive.reviews);
  return [...archive.reviews]
    .sort((a, b) => b.date.start - a.date.start)
    .map((review) => {
      const post = reviewPost(archive, review);
      return {
        anchor: anchors.get(review) ?? "",
        title: review.title,
        datetime: review.date.datetime,
        date: formatArchiveDate(review.date, archive.site.language),
        reviewer: review.author ? person(archive, review.author) : undefined,
        link: review.link,
        post: post && { title: post.title, url: post.url },
      };
    });
}
