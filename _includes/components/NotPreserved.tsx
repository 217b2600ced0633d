/** Shown instead of a body when the post's text did not survive. */
export function NotPreserved() {
  return (
    <p class="not-preserved" role="note">
      The text of this post was not preserved. Its title, blog, author and date are known from other pages of the
      archive.
    </p>
  );
}
