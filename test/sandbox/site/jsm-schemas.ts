/**
 * JSM's REST shapes (/rest/servicedeskapi), which the platform OpenAPI spec does not cover: written here with zod
 * from the JSM Cloud REST documentation (DateDTO, UserDTO, CustomerRequestDTO, CommentDTO, CustomerTransitionDTO,
 * OrganizationDTO, ServiceDeskDTO, PagedDTO). Extra properties are allowed, as JSM adds some.
 */
import { z } from 'zod';

export const DateDto = z.looseObject({
  iso8601: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/),
  jira: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/),
  friendly: z.string(),
  epochMillis: z.number().int(),
});

export const UserDto = z.looseObject({
  accountId: z.string(),
  displayName: z.string(),
  emailAddress: z.string().optional(),
  active: z.boolean(),
  timeZone: z.string().optional(),
  _links: z.looseObject({ self: z.string() }),
});

export const CustomerRequestDto = z.looseObject({
  issueId: z.string(),
  issueKey: z.string().regex(/^[A-Z]+-\d+$/),
  requestTypeId: z.string(),
  serviceDeskId: z.string(),
  createdDate: DateDto,
  reporter: UserDto,
  requestFieldValues: z.array(z.looseObject({ fieldId: z.string(), label: z.string(), value: z.unknown() })),
  currentStatus: z.looseObject({
    status: z.string(),
    statusCategory: z.enum(['NEW', 'INDETERMINATE', 'DONE', 'UNDEFINED']),
    statusDate: DateDto,
  }),
  _links: z.looseObject({ web: z.string(), self: z.string(), jiraRest: z.string() }),
});

export const CommentDto = z.looseObject({
  id: z.string(),
  body: z.string(),
  public: z.boolean(),
  author: UserDto,
  created: DateDto,
  _links: z.looseObject({ self: z.string() }),
});

export const CustomerTransitionDto = z.looseObject({ id: z.string(), name: z.string() });
export const OrganizationDto = z.looseObject({
  id: z.string(),
  name: z.string(),
  _links: z.looseObject({ self: z.string() }),
});
export const ServiceDeskDto = z.looseObject({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  projectKey: z.string(),
});

/**
 * JSM's PagedDTO of some item schema.
 * @example Paged(CommentDto).parse(body)
 */
export function Paged<T extends z.ZodType>(item: T) {
  return z.looseObject({
    size: z.number().int(),
    start: z.number().int(),
    limit: z.number().int(),
    isLastPage: z.boolean(),
    values: z.array(item),
    _links: z.looseObject({
      base: z.string(),
      self: z.string(),
      next: z.string().optional(),
      prev: z.string().optional(),
    }),
  });
}

/** JSM's ErrorResponse: `errorMessage` and `i18nErrorMessage` {i18nKey, parameters}, nothing of Jira's ErrorCollection. */
export const ErrorResponse = z.strictObject({
  errorMessage: z.string().min(1),
  i18nErrorMessage: z.strictObject({ i18nKey: z.string().min(1), parameters: z.array(z.string()) }),
});
