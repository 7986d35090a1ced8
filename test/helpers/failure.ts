/** The MailError a promise rejects with; anything else (or fulfilment) fails the test. */
export { rejectedMailError as failure, thrownMailError as thrown } from '@mailbridge/core/testing';
