// Public surface of `compute`: plan + store → result cells with provenance.
export {
  ResultCellSchema,
  ProvenanceSchema,
  CELL_STATUS,
  type ResultCell,
  type CellStatus,
  type Provenance,
  type ResultSet,
  cellKey,
} from './result-cell.js';
