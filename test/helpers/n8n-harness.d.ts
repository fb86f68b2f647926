import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsHelper,
	IDataObject,
	INodeExecutionData,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export declare class TestCredentialsHelper extends ICredentialsHelper {
	constructor(credentialType: ICredentialType, data: ICredentialDataDecryptedObject | null);
	getParentTypes(): string[];
	isCredentialUsableByNode(): boolean;
	authenticate(...args: unknown[]): Promise<never>;
	preAuthentication(): Promise<undefined>;
	runPreAuthentication(): Promise<undefined>;
	getCredentials(): Promise<never>;
	getDecrypted(): Promise<ICredentialDataDecryptedObject>;
	updateCredentials(): Promise<void>;
	updateCredentialsOauthTokenData(): Promise<void>;
	getCredentialsProperties(): never[];
}

export declare function additionalDataFor(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject | null,
	extra?: IDataObject,
): IWorkflowExecuteAdditionalData;

export declare function runRoutingNode(options: {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: IDataObject;
	items?: IDataObject[];
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	typeVersion?: number;
}): Promise<INodeExecutionData[]>;
