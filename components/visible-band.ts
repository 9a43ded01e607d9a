"use client";

/** The part of this page the user can see, in the page's coordinates. */
export interface VisibleBand {
  top: number;
  height: number;
}

/**
 * Inside the portal our frame is as tall as the page (frame-autosize.tsx) and the portal's window
 * scrolls over it, so our own viewport is the whole page and says nothing about what is on screen.
 * An IntersectionObserver without a root measures against the top window's viewport, across the
 * origin boundary: its intersection rectangle is the band of our page the user is looking at.
 * Null outside a frame (the window is the viewport) or when no answer comes.
 */
export function visibleBand(): Promise<VisibleBand | null> {
  if (typeof window === "undefined" || window.parent === window || typeof IntersectionObserver === "undefined") return Promise.resolve(null);
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      clearTimeout(timer);
      const rect = entry?.intersectionRect;
      resolve(rect && rect.height > 0 ? { top: rect.top, height: rect.height } : null);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, 500);
    observer.observe(document.documentElement);
  });
}
