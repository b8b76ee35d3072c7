export class CreateReportDto {
  title!: string;
  template!: string;
  fields!: Record<string, string | number>;
}
