/**
 * Publicly catalogued AWS IAM privilege-escalation techniques, as data: which actions a principal
 * needs (all of them), which service a role must be passable to (`iam:PassRole` with
 * `iam:PassedToService`), and how resource scoping matters. Sources of the catalogue: the
 * technique lists published by Rhino Security Labs (2018), Bishop Fox's iam-vulnerable and
 * Datadog's pathfinding.cloud. Descriptions are written here.
 */

export interface Technique {
  /** Stable id used in fingerprints and messages, e.g. `iam-create-policy-version`. */
  id: string;
  name: string;
  /** How the permissions are abused, in one sentence. */
  how: string;
  /** Every one of these is needed. */
  actions: string[];
  /** Service principal the passed role must be handed to (adds `iam:PassRole`). */
  passRoleTo?: string;
  /**
   * Resource scoping that matters: 'others' – a grant limited to the principal itself
   * (`${aws:username}`, its own ARN) does not escalate; 'all' – only a grant on every resource
   * (or every role) counts. Default: a grant on any resource counts.
   */
  scope?: 'others' | 'all';
}

type Row = [id: string, name: string, how: string, actions: string[], passRoleTo?: string, scope?: Technique['scope']];

const ROWS: Row[] = [
  // IAM policy manipulation
  ['iam-create-policy-version', 'New default version of a managed policy', 'writes a new default version of a policy attached to the principal with any permissions', ['iam:CreatePolicyVersion']],
  ['iam-set-default-policy-version', 'Switch a managed policy to an older version', 'makes a more permissive older version of an attached policy the default', ['iam:SetDefaultPolicyVersion']],
  ['iam-attach-user-policy', 'Attach a managed policy to a user', 'attaches AdministratorAccess to a user it controls', ['iam:AttachUserPolicy']],
  ['iam-attach-group-policy', 'Attach a managed policy to a group', 'attaches AdministratorAccess to a group it is a member of', ['iam:AttachGroupPolicy']],
  ['iam-attach-role-policy', 'Attach a managed policy to a role', 'attaches AdministratorAccess to a role it is or can assume', ['iam:AttachRolePolicy']],
  ['iam-put-user-policy', 'Inline policy on a user', 'writes an inline policy granting everything to a user it controls', ['iam:PutUserPolicy']],
  ['iam-put-group-policy', 'Inline policy on a group', 'writes an inline policy granting everything to a group it is a member of', ['iam:PutGroupPolicy']],
  ['iam-put-role-policy', 'Inline policy on a role', 'writes an inline policy granting everything to a role it is or can assume', ['iam:PutRolePolicy']],
  ['iam-add-user-to-group', 'Join a privileged group', 'adds a user it controls to a group with more permissions', ['iam:AddUserToGroup']],
  ['iam-delete-role-permissions-boundary', 'Remove a role permissions boundary', 'deletes the boundary that limits a role, restoring its full policies', ['iam:DeleteRolePermissionsBoundary']],
  ['iam-delete-user-permissions-boundary', 'Remove a user permissions boundary', 'deletes the boundary that limits a user, restoring its full policies', ['iam:DeleteUserPermissionsBoundary']],
  ['iam-put-role-permissions-boundary', 'Replace a role permissions boundary', 'sets a permissive boundary on a role whose policies are broader than its boundary', ['iam:PutRolePermissionsBoundary']],
  ['iam-put-user-permissions-boundary', 'Replace a user permissions boundary', 'sets a permissive boundary on a user whose policies are broader than its boundary', ['iam:PutUserPermissionsBoundary']],
  // credentials of other principals
  ['iam-create-access-key', 'Access key for another user', 'creates an access key for a more privileged user and signs in as that user', ['iam:CreateAccessKey'], undefined, 'others'],
  ['iam-create-login-profile', 'Console password for another user', 'sets a console password on a user that has none and signs in as that user', ['iam:CreateLoginProfile'], undefined, 'others'],
  ['iam-update-login-profile', 'Reset another user\'s console password', 'changes the console password of a more privileged user', ['iam:UpdateLoginProfile'], undefined, 'others'],
  ['iam-update-assume-role-policy', 'Rewrite a role trust policy and assume it', 'lets itself assume a privileged role by editing that role\'s trust policy', ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole']],
  ['sts-assume-role-any', 'Assume any role', 'assumes every role whose trust policy trusts the account (sts:AssumeRole on all roles)', ['sts:AssumeRole'], undefined, 'all'],
  // Lambda
  ['lambda-create-invoke', 'Lambda with a passed role, invoked directly', 'creates a function running as a privileged role and invokes it', ['lambda:CreateFunction', 'lambda:InvokeFunction'], 'lambda.amazonaws.com'],
  ['lambda-create-event-source-mapping', 'Lambda with a passed role, triggered by an event source', 'creates a function running as a privileged role and wires a stream or queue to it', ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], 'lambda.amazonaws.com'],
  ['lambda-create-add-permission', 'Lambda with a passed role, made invocable', 'creates a function running as a privileged role and grants itself the right to invoke it', ['lambda:CreateFunction', 'lambda:AddPermission'], 'lambda.amazonaws.com'],
  ['lambda-create-function-url', 'Lambda with a passed role behind a function URL', 'creates a function running as a privileged role and exposes it through a function URL', ['lambda:CreateFunction', 'lambda:CreateFunctionUrlConfig'], 'lambda.amazonaws.com'],
  ['lambda-update-function-code', 'Replace the code of an existing function', 'overwrites the code of a function that runs as a more privileged role', ['lambda:UpdateFunctionCode']],
  ['lambda-update-function-configuration', 'Inject a layer into an existing function', 'attaches its own layer (code that runs first) to a function with a more privileged role', ['lambda:UpdateFunctionConfiguration']],
  // EC2 and Auto Scaling
  ['ec2-run-instances', 'EC2 instance with a passed role', 'launches an instance with a privileged instance profile and reads its credentials', ['ec2:RunInstances'], 'ec2.amazonaws.com'],
  ['ec2-request-spot-instances', 'Spot instance with a passed role', 'requests a spot instance with a privileged instance profile', ['ec2:RequestSpotInstances'], 'ec2.amazonaws.com'],
  ['ec2-associate-instance-profile', 'Attach a privileged profile to a running instance', 'associates a privileged instance profile with an instance it controls', ['ec2:AssociateIamInstanceProfile'], 'ec2.amazonaws.com'],
  ['ec2-replace-instance-profile', 'Swap the profile of a running instance', 'replaces an instance profile association with a privileged profile', ['ec2:ReplaceIamInstanceProfileAssociation'], 'ec2.amazonaws.com'],
  ['iam-add-role-to-instance-profile', 'Put a privileged role into an instance profile', 'adds a privileged role to an instance profile used by an instance it controls', ['iam:AddRoleToInstanceProfile'], 'ec2.amazonaws.com'],
  ['ec2-launch-template-version', 'New launch template version with a passed role', 'makes an Auto Scaling group launch instances with a privileged profile via a new template version', ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'], 'ec2.amazonaws.com'],
  ['autoscaling-launch-configuration', 'Auto Scaling launch configuration with a passed role', 'creates a launch configuration and group that start instances with a privileged profile', ['autoscaling:CreateLaunchConfiguration', 'autoscaling:CreateAutoScalingGroup'], 'ec2.amazonaws.com'],
  ['ec2-instance-connect', 'Push an SSH key to an instance', 'pushes a temporary SSH key to an instance and uses its instance profile', ['ec2-instance-connect:SendSSHPublicKey']],
  ['ssm-send-command', 'Run a command on a managed instance', 'runs commands on an instance and takes its instance-profile credentials', ['ssm:SendCommand']],
  ['ssm-start-session', 'Open a shell on a managed instance', 'opens a Session Manager shell on an instance and takes its credentials', ['ssm:StartSession']],
  ['ssm-start-automation', 'SSM automation with a passed role', 'runs an automation document as a privileged role', ['ssm:StartAutomationExecution'], 'ssm.amazonaws.com'],
  // CloudFormation
  ['cloudformation-create-stack', 'Stack with a passed service role', 'creates a stack whose service role creates anything, e.g. an admin user', ['cloudformation:CreateStack'], 'cloudformation.amazonaws.com'],
  ['cloudformation-update-stack', 'Update a stack that has a service role', 'updates an existing stack so its privileged service role creates resources it chooses', ['cloudformation:UpdateStack']],
  ['cloudformation-change-set', 'Change set with a passed service role', 'creates and executes a change set under a privileged service role', ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'], 'cloudformation.amazonaws.com'],
  ['cloudformation-stack-set', 'Stack set with a passed administration role', 'creates a stack set and instances run under a privileged role', ['cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'], 'cloudformation.amazonaws.com'],
  // Glue
  ['glue-create-dev-endpoint', 'Glue development endpoint with a passed role', 'creates a dev endpoint running as a privileged role and logs in over SSH', ['glue:CreateDevEndpoint'], 'glue.amazonaws.com'],
  ['glue-update-dev-endpoint', 'Take over an existing Glue development endpoint', 'adds its SSH key to an existing dev endpoint with a privileged role', ['glue:UpdateDevEndpoint']],
  ['glue-create-job', 'Glue job with a passed role', 'creates and starts a job whose script runs as a privileged role', ['glue:CreateJob', 'glue:StartJobRun'], 'glue.amazonaws.com'],
  ['glue-update-job', 'Re-point a Glue job to a passed role', 'changes an existing job\'s role and script, then runs it', ['glue:UpdateJob', 'glue:StartJobRun'], 'glue.amazonaws.com'],
  ['glue-create-session', 'Glue interactive session with a passed role', 'opens an interactive session as a privileged role and runs statements', ['glue:CreateSession', 'glue:RunStatement'], 'glue.amazonaws.com'],
  // Data Pipeline, EMR
  ['datapipeline-create-pipeline', 'Data Pipeline with a passed role', 'defines and activates a pipeline whose activities run as a privileged role', ['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition', 'datapipeline:ActivatePipeline'], 'datapipeline.amazonaws.com'],
  ['emr-run-job-flow', 'EMR cluster with a passed role', 'starts a cluster whose steps run with a privileged role', ['elasticmapreduce:RunJobFlow'], 'elasticmapreduce.amazonaws.com'],
  // CodeStar, CodeBuild
  ['codestar-create-project', 'CodeStar project with a passed role', 'creates a project whose toolchain stack runs as a privileged role', ['codestar:CreateProject'], 'codestar.amazonaws.com'],
  ['codestar-associate-team-member', 'CodeStar project owner', 'creates a project and makes itself its owner, gaining the project\'s IAM policy', ['codestar:CreateProject', 'codestar:AssociateTeamMember']],
  ['codebuild-create-project', 'CodeBuild project with a passed role', 'creates a build project running as a privileged role and starts a build', ['codebuild:CreateProject', 'codebuild:StartBuild'], 'codebuild.amazonaws.com'],
  ['codebuild-create-project-batch', 'CodeBuild batch build with a passed role', 'creates a build project running as a privileged role and starts a batch build', ['codebuild:CreateProject', 'codebuild:StartBuildBatch'], 'codebuild.amazonaws.com'],
  ['codebuild-update-project', 'Re-point a CodeBuild project to a passed role', 'changes an existing project\'s role and buildspec and starts a build', ['codebuild:UpdateProject', 'codebuild:StartBuild'], 'codebuild.amazonaws.com'],
  ['codebuild-start-build-override', 'CodeBuild build with an overridden buildspec', 'starts a build of an existing privileged project with its own buildspec', ['codebuild:StartBuild']],
  // SageMaker
  ['sagemaker-create-notebook', 'SageMaker notebook with a passed role', 'creates a notebook instance running as a privileged role and opens it', ['sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'], 'sagemaker.amazonaws.com'],
  ['sagemaker-presigned-notebook-url', 'Open an existing SageMaker notebook', 'opens an existing notebook instance with a privileged role through a presigned URL', ['sagemaker:CreatePresignedNotebookInstanceUrl']],
  ['sagemaker-training-job', 'SageMaker training job with a passed role', 'runs a training container of its choice as a privileged role', ['sagemaker:CreateTrainingJob'], 'sagemaker.amazonaws.com'],
  ['sagemaker-processing-job', 'SageMaker processing job with a passed role', 'runs a processing container of its choice as a privileged role', ['sagemaker:CreateProcessingJob'], 'sagemaker.amazonaws.com'],
  ['sagemaker-tuning-job', 'SageMaker tuning job with a passed role', 'runs training containers of its choice as a privileged role through a tuning job', ['sagemaker:CreateHyperParameterTuningJob'], 'sagemaker.amazonaws.com'],
  ['sagemaker-lifecycle-config', 'Lifecycle script on an existing notebook', 'attaches its own start-up script to an existing privileged notebook and restarts it', ['sagemaker:CreateNotebookInstanceLifecycleConfig', 'sagemaker:UpdateNotebookInstance', 'sagemaker:StopNotebookInstance', 'sagemaker:StartNotebookInstance']],
  // containers
  ['ecs-run-task', 'ECS task with a passed task role', 'registers a task definition with a privileged task role and runs it', ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], 'ecs-tasks.amazonaws.com'],
  ['ecs-start-task', 'ECS task on a chosen instance with a passed role', 'registers a task definition with a privileged task role and starts it', ['ecs:RegisterTaskDefinition', 'ecs:StartTask'], 'ecs-tasks.amazonaws.com'],
  ['ecs-create-service', 'ECS service with a passed task role', 'registers a task definition with a privileged task role and runs it as a service', ['ecs:RegisterTaskDefinition', 'ecs:CreateService'], 'ecs-tasks.amazonaws.com'],
  ['ecs-execute-command', 'Shell in a running ECS task', 'opens a shell in a running task and takes its task-role credentials', ['ecs:ExecuteCommand']],
  ['batch-submit-job', 'Batch job with a passed role', 'registers a job definition with a privileged role and submits it', ['batch:RegisterJobDefinition', 'batch:SubmitJob'], 'ecs-tasks.amazonaws.com'],
  ['apprunner-create-service', 'App Runner service with a passed instance role', 'deploys a service whose instances run as a privileged role', ['apprunner:CreateService'], 'tasks.apprunner.amazonaws.com'],
  ['apprunner-update-service', 'Re-deploy an existing App Runner service', 'changes the image or start command of a service with a privileged instance role', ['apprunner:UpdateService']],
  // orchestration and agents
  ['states-create-state-machine', 'Step Functions state machine with a passed role', 'creates and starts a state machine whose tasks call AWS as a privileged role', ['states:CreateStateMachine', 'states:StartExecution'], 'states.amazonaws.com'],
  ['bedrock-agentcore-code-interpreter', 'Bedrock AgentCore code interpreter with a passed role', 'creates a code interpreter with a privileged execution role and runs code in it', ['bedrock-agentcore:CreateCodeInterpreter', 'bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'], 'bedrock-agentcore.amazonaws.com'],
];

export const TECHNIQUES: readonly Technique[] = ROWS.map(([id, name, how, actions, passRoleTo, scope]) => ({
  id,
  name,
  how,
  actions,
  ...(passRoleTo ? { passRoleTo } : {}),
  ...(scope ? { scope } : {}),
}));

/** Every action any technique needs (iam:PassRole included). */
export const TECHNIQUE_ACTIONS: readonly string[] = [...new Set(['iam:PassRole', ...TECHNIQUES.flatMap((t) => t.actions)])];
