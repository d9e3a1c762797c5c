import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Probe } from './zz-probe';
it('probe', async () => {
  const p = plainToInstance(Probe, { name: 'x' });
  console.log(Object.keys(p), Object.keys(new Probe()));
  console.log(await validate(plainToInstance(Probe, { name: 'x', email: 3 }), { whitelist: true, forbidNonWhitelisted: true }));
  console.log(await validate(plainToInstance(Probe, { name: 'x', emailx: 3 }), { whitelist: true, forbidNonWhitelisted: true }));
});
