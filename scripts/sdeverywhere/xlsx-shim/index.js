// The registry's xlsx 0.18.5 with a no-op set_fs (SDEverywhere calls it; no spreadsheet is read here).
import * as xlsx from 'sheetjs-xlsx';

export default { ...xlsx, set_fs() {} };
