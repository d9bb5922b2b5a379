/**
 * Entry of the explorer page's script: reads the data `hzsim explore` embedded, starts the app and
 * offers a small read-only handle for scripted checks (the browser test and the benchmark).
 */
import { PAGE_IDS } from '../page-ids.js';
import type { ExplorerData } from '../data.js';
import { ExplorerApp } from './app.js';
import './style.css';

const dataElement = document.getElementById(PAGE_IDS.data);
const root = document.getElementById(PAGE_IDS.app);
if (!dataElement || !root) throw new Error('explorer: the page lacks its data or its root element');
const app = new ExplorerApp(JSON.parse(dataElement.textContent ?? '{}') as ExplorerData, root);

declare global {
  interface Window {
    /** The running explorer, for scripted checks. */
    hzsimExplorer?: ExplorerApp;
  }
}
window.hzsimExplorer = app;
