// Types of the jest-dom matchers that the renderer's component tests use (test/setup/renderer.ts).
import '@testing-library/jest-dom/vitest';
