"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { portalFrame } from "./portal-frame";

/** The portal gives an app frame a fixed height; below this we never shrink it. */
const MIN_HEIGHT = 480;

/**
 * Keeps the portal's iframe as tall as our page (BX24 resizeWindow), so pages scroll with the
 * portal instead of inside a fixed box. Measures this wrapper, not the document, so that the
 * frame also shrinks when a shorter page follows a longer one.
 */
export function FrameAutoSize({ children }: { children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = wrapper.current;
    if (!node || window.parent === window) return;
    let last = 0;
    let scheduled = 0;
    const fit = () => {
      cancelAnimationFrame(scheduled);
      scheduled = requestAnimationFrame(() => {
        const height = Math.max(MIN_HEIGHT, Math.ceil(node.getBoundingClientRect().height));
        if (height === last) return;
        last = height;
        portalFrame()
          .then((frame) => frame.parent.resizeWindowAuto(node, MIN_HEIGHT))
          .catch(() => (last = 0)); // outside a portal, or the portal did not answer: try on the next change
      });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(node);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(scheduled);
    };
  }, []);
  return (
    <div ref={wrapper} data-testid="frame-content">
      {children}
    </div>
  );
}
