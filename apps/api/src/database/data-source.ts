// Entry for the TypeORM CLI (`npm run migration:generate -- <name>`); the app builds its own.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().database));
