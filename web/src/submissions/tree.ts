// Collected files as a folder tree (paths are `a/b/c.txt`, relative to the workspace).
import type { SubmittedFile } from '../api/types';

export interface TreeNode {
  name: string;
  path: string;
  file?: SubmittedFile;
  children: TreeNode[];
}

export function fileTree(files: SubmittedFile[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', children: [] };
  for (const file of files) {
    let node = root;
    const parts = file.path.split('/').filter(Boolean);
    parts.forEach((part, i) => {
      const path = parts.slice(0, i + 1).join('/');
      let child = node.children.find((c) => c.name === part && !c.file === i < parts.length - 1);
      if (!child) {
        child = { name: part, path, children: [] };
        node.children.push(child);
      }
      if (i === parts.length - 1) child.file = file;
      node = child;
    });
  }
  sort(root);
  return root.children;
}

function sort(node: TreeNode): void {
  node.children.sort((a, b) => (a.file ? 1 : 0) - (b.file ? 1 : 0) || a.name.localeCompare(b.name));
  node.children.forEach(sort);
}

/** Sizes people read. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const TEXT_LIMIT = 512 * 1024;

/** Whether the preview shows a file as text: small enough, and no NUL byte in what was read. */
export function previewable(file: SubmittedFile): boolean {
  return file.size <= TEXT_LIMIT;
}

export function looksBinary(text: string): boolean {
  return text.includes('\u0000');
}
