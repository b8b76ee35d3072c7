import { Router } from 'express';
import { countUploads, listUploads, readUpload } from '@acme/storage/uploads';

export const uploads = Router();

uploads.get('/uploads', (req, res) => {
  res.json({ files: listUploads() });
});

uploads.get('/uploads/count', async (req, res) => {
  res.json({ count: await countUploads() });
});

uploads.get('/uploads/:name', async (req, res) => {
  res.type('application/octet-stream').send(await readUpload(req.params.name));
});
