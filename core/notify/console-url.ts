/** The region inside a Step Functions execution ARN (`arn:aws:states:<region>:<account>:execution:…`), if any. */
export const regionOfArn = (arn: string): string | undefined => {
  const region = arn.split(':')[3];
  return region !== undefined && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) ? region : undefined;
};

/**
 * The Step Functions console page of an execution. The region comes from the ARN when it names one, else from
 * `region`. Standard partition only (China and GovCloud consoles have other hosts).
 *
 * @example consoleUrl('us-east-1', 'arn:aws:states:eu-west-1:123456789012:execution:Compliance:run-1')
 * // https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn:aws:states:eu-west-1:…
 */
export const consoleUrl = (region: string, executionArn: string): string => {
  const r = regionOfArn(executionArn) ?? region;
  return `https://${r}.console.aws.amazon.com/states/home?region=${r}#/v2/executions/details/${encodeURIComponent(executionArn)}`;
};
