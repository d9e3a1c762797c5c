import { IsOptional, IsString } from 'class-validator';
export class Probe { @IsString() name: string; @IsOptional() @IsString() declare email?: string; }
