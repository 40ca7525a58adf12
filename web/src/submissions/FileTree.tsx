// A folder tree of collected files; choosing a file shows its preview.
import type { TreeNode } from './tree';
import { humanSize } from './tree';

export function FileTree({ nodes, selected, onSelect }: { nodes: TreeNode[]; selected: string | null; onSelect: (n: TreeNode) => void }) {
  return (
    <ul className="tree">
      {nodes.map((n) =>
        n.file ? (
          <li key={`f:${n.path}`}>
            <button type="button" className={`link${selected === n.path ? ' selected' : ''}`} aria-current={selected === n.path ? 'true' : undefined} onClick={() => onSelect(n)}>
              {n.name}
            </button>{' '}
            <span className="muted">{humanSize(n.file.size)}</span>
          </li>
        ) : (
          <li key={`d:${n.path}`}>
            <details open>
              <summary>{n.name}/</summary>
              <FileTree nodes={n.children} selected={selected} onSelect={onSelect} />
            </details>
          </li>
        ),
      )}
    </ul>
  );
}
